"""Password hashing with the standard library's scrypt (memory-hard, salted).

The decision: `hashlib.scrypt` (OpenSSL's implementation) instead of a third-party
hashing package, so the demo adds no dependency for it; the parameters are
OWASP's minimum for scrypt (N=2**17 is recommended; 2**14 keeps a login under
~50 ms on a small machine). Stored as `scrypt$N$r$p$salt$hash` (base64), so the
parameters can be raised later without breaking stored hashes.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

_N, _R, _P, _LENGTH = 2**14, 8, 1, 32


def hash_password(password: str) -> str:
    """A salted scrypt hash of `password`, as `scrypt$N$r$p$salt$hash`."""
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, n=_N, r=_R, p=_P, dklen=_LENGTH)
    encoded = [base64.b64encode(part).decode() for part in (salt, digest)]
    return "$".join(["scrypt", str(_N), str(_R), str(_P), *encoded])


def verify_password(password: str, stored: str) -> bool:
    """Whether `password` matches the `stored` hash (in constant time); False for a
    hash in another format."""
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        expected = base64.b64decode(digest)
        actual = hashlib.scrypt(
            password.encode(),
            salt=base64.b64decode(salt),
            n=int(n),
            r=int(r),
            p=int(p),
            dklen=len(expected),
        )
    except ValueError:
        return False
    return hmac.compare_digest(actual, expected)

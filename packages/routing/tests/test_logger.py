"""`fastslim_routing.logger`: the framework's logger."""

import logging

from fastslim_routing.logger import logger


def test_logger_is_the_fastslim_logger() -> None:
    assert logger is logging.getLogger("fastslim")
    assert logger.handlers == []
    assert logger.propagate

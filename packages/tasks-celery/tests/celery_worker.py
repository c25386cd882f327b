"""The app of the tests' `celery worker` processes: the tasks of celery_jobs."""

import os

from fastslim_tasks_celery import celery_app

app = celery_app(os.environ["FASTSLIM_TEST_REDIS_URL"], modules=["celery_jobs"], heartbeat=0.25)

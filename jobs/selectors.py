from django_tasks.base import TaskResultStatus


def job_failure_reason(result):
    """Why a finished TaskResult failed, as one line ("" when it did not).

    The last line of the recorded traceback without the exception's class:
    the message of a `JobFailed` (or of whatever else was raised).
    """
    if result.status != TaskResultStatus.FAILED or not result.errors:
        return ""
    error = result.errors[-1]
    lines = [line for line in error.traceback.splitlines() if line.strip()]
    last = lines[-1] if lines else error.exception_class_path
    prefix = f"{error.exception_class_path}: "
    return last.removeprefix(prefix) if last.startswith(prefix) else last


def job_failed_with(result, exception_class):
    """True when a failed TaskResult's error is `exception_class` (or a subclass)."""
    if result.status != TaskResultStatus.FAILED or not result.errors:
        return False
    return issubclass(result.errors[-1].exception_class, exception_class)

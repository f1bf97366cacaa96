package task

import "github.com/twistedflow/twistedflow/twisted"

// The exception classes of twisted.internet.task. Match them with
// errors.Is(err, task.TaskFinished), or f.Check(task.SchedulerStopped) on a
// Failure.
var (
	// SchedulerError: the operation could not be completed because the
	// scheduler or one of its tasks was in an invalid state. It is not
	// raised directly, but is the parent of the scheduler-state errors.
	SchedulerError = twisted.NewClass("twisted.internet.task.SchedulerError", twisted.Exception)

	// SchedulerStopped: the operation could not complete because the
	// scheduler was stopped in progress or was already stopped.
	SchedulerStopped = twisted.NewClass("twisted.internet.task.SchedulerStopped", SchedulerError)

	// TaskFinished: the operation could not complete because the task was
	// already completed, stopped, encountered an error or otherwise
	// permanently stopped running.
	TaskFinished = twisted.NewClass("twisted.internet.task.TaskFinished", SchedulerError)

	// TaskDone: the operation could not complete because the task was
	// already completed.
	TaskDone = twisted.NewClass("twisted.internet.task.TaskDone", TaskFinished)

	// TaskStopped: the operation could not complete because the task was
	// stopped.
	TaskStopped = twisted.NewClass("twisted.internet.task.TaskStopped", TaskFinished)

	// TaskFailed: the operation could not complete because the task died
	// with an unhandled error.
	TaskFailed = twisted.NewClass("twisted.internet.task.TaskFailed", TaskFinished)

	// NotPaused is returned when a task is resumed which was not
	// previously paused.
	NotPaused = twisted.NewClass("twisted.internet.task.NotPaused", SchedulerError)
)

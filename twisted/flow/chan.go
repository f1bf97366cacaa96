package flow

import (
	"context"
	"reflect"
)

// chanSource is the source of a receive channel of any element type
// (Wrap): the values as they arrive, the end when the channel is closed.
type chanSource struct {
	ch reflect.Value
}

// wrapChan returns the stage of obj if it is a channel that can be
// received from; a nil channel is Python's None, which Wrap refuses.
func wrapChan(obj any) (Stage, bool) {
	v := reflect.ValueOf(obj)
	if v.Kind() != reflect.Chan || v.Type().ChanDir()&reflect.RecvDir == 0 {
		return nil, false
	}
	if v.IsNil() {
		return failed(noWrapper(nil)), true
	}
	return newGoStage(&chanSource{ch: v}, nil), true
}

func (c *chanSource) poll() (goResult, bool) {
	x, ok := c.ch.TryRecv()
	if !x.IsValid() {
		return goResult{}, false // it would wait
	}
	if !ok {
		return goResult{end: true}, true // closed
	}
	return goResult{v: x.Interface()}, true
}

func (c *chanSource) fetch(ctx context.Context) goResult {
	chosen, x, ok := reflect.Select([]reflect.SelectCase{
		{Dir: reflect.SelectRecv, Chan: reflect.ValueOf(ctx.Done())},
		{Dir: reflect.SelectRecv, Chan: c.ch},
	})
	switch {
	case chosen == 0:
		return goResult{err: ctx.Err()}
	case !ok:
		return goResult{end: true}
	}
	return goResult{v: x.Interface()}
}

// close leaves the channel as it is: it is its sender's to close.
func (c *chanSource) close() {}

func (c *chanSource) what() string { return c.ch.Type().String() }

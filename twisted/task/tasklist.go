package task

import "github.com/twistedflow/twistedflow/twisted"

// taskList and listIterator reproduce a Python list and an iterator over
// it, with their behaviour under mutation: the Cooperator's round robin
// iterates its task list while tasks remove themselves from it (and are
// added to it), and which task runs next depends on exactly how Python's
// list iterator, which holds an index, sees those changes.
type taskList struct {
	items []*CooperativeTask
}

func (l *taskList) append(t *CooperativeTask) { l.items = append(l.items, t) }

// remove deletes the first occurrence of t, as list.remove; like it, it
// raises (panics with) a ValueError if t is not in the list.
func (l *taskList) remove(t *CooperativeTask) {
	for i, x := range l.items {
		if x == t {
			copy(l.items[i:], l.items[i+1:])
			l.items[len(l.items)-1] = nil
			l.items = l.items[:len(l.items)-1]
			return
		}
	}
	panic(twisted.ValueError.New("list.remove(x): x not in list"))
}

// listIterator is iter(list): an index into the list; once it has run off
// the end it stays exhausted, even if the list grows. The zero value is
// exhausted, as iter(()).
type listIterator struct {
	list  *taskList
	index int
}

func (it *listIterator) next() (*CooperativeTask, bool) {
	if it.list == nil {
		return nil, false
	}
	if it.index < len(it.list.items) {
		t := it.list.items[it.index]
		it.index++
		return t, true
	}
	it.list = nil
	return nil, false
}

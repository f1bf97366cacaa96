package flow

// timeReactor is the part of a reactor that Cooperate needs.
// TODO: reactor.IReactorTime once package reactor builds.
type timeReactor interface {
	CallLater(delay float64, f func())
}

var defaultReactor = func() timeReactor { panic("flow: no default reactor yet") }

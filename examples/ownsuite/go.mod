module example.com/ownsuite

go 1.26.0

require github.com/twistedflow/twistedflow v0.0.0

require (
	github.com/google/go-cmp v0.7.0 // indirect
	golang.org/x/sys v0.49.0 // indirect
)

replace github.com/twistedflow/twistedflow => ../..

package conformance

import (
	"os"
	"testing"

	"gotest.tools/v3/assert"
)

// importTests (preludes/testmodule.py) takes a Twisted test module from the
// reference installation, with the prelude's stand-in as the module's
// twisted.trial.unittest: its helpers are the script's, and show() takes
// their classes for the script's own. A name of the module that would
// hide one of the prelude's is an error.
func TestImportTestsTakesTheModuleFromTheReference(t *testing.T) {
	in, why := Modern.Live()
	if why != "" {
		if os.Getenv("CI") == "true" {
			t.Fatalf("CI=true but the live reference is missing: %s", why)
		}
		t.Skipf("the Modern reference is not available: %s", why)
	}
	prelude, err := expandIncludes("# conformance:include pyunit3.py\n")
	assert.NilError(t, err)
	out, err := in.Exec(prelude + `importTests("twisted.test.test_task", globals())
import twisted.trial.unittest
print(twisted.trial.unittest is unittest, issubclass(LoopTests, TestCase))
print(TestableLoopingCall.__module__, show(TestableLoopingCall(None, lambda: None)))
`)
	assert.NilError(t, err)
	assert.Equal(t, out, "True True\ntwisted.test.test_task <LoopingCall>\n")

	_, err = in.Exec(prelude + "task = None\nimportTests(\"twisted.test.test_task\", globals())\n")
	assert.ErrorContains(t, err, "ImportError: twisted.test.test_task.task would hide the prelude's task")
}

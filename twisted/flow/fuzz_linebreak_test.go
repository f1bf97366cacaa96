package flow_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/twistedflow/twistedflow/twisted"
	"github.com/twistedflow/twistedflow/twisted/flow"
)

// fzLineModel is the original's LineBreak.process (twisted/flow/pipe.py,
// Twisted b2b5697a0f^), transcribed line for line, run over the chunks as
// one block each and then the end of the source. Each block is split on the
// delimiter by itself: a delimiter cut in two by a chunk boundary is not
// recognised, as in the original. The port fixes that (a recorded
// deviation, flow edges/linebreak.splitDelimiter): it gives the lines of
// the whole stream (fzWholeStream) however it is cut, which are the
// model's where no delimiter is cut.
//
// On top of the original, the port's documented maxlength rule: a line,
// complete or still buffered, longer than maxLen fails the stage. The
// original failed by raising out of the flow; the port delivers the lines
// before the failure, then the failure, which is what the model returns.
func fzLineModel(chunks []string, delim string, maxLen int, trailer bool) (results []string, fail string) {
	var buffer []string
	tooLong := func(line string) string {
		return fmt.Sprintf("line length exceeds maxlength %d: '%s'", maxLen, line[:min(10, len(line))])
	}
	for _, block := range chunks {
		lines := strings.Split(block, delim) // lines = str(block).split(self._delimiter)
		var tail string
		if len(lines) < 2 { // if len(lines) < 2:
			tail = lines[0] //     tail = lines[0]
		} else {
			tail, lines = lines[len(lines)-1], lines[:len(lines)-1] // tail = lines.pop()
			if len(buffer) > 0 {                                    // if self._buffer:
				buffer = append(buffer, lines[0]) // self._buffer.append(lines.pop(0))
				lines = lines[1:]
				joined := strings.Join(buffer, "") // self.results.append("".join(self._buffer))
				if len(joined) > maxLen {
					return results, tooLong(joined)
				}
				results = append(results, joined)
				buffer = nil // self._buffer = []
			}
			for _, line := range lines { // self.results.extend(lines)
				if len(line) > maxLen {
					return results, tooLong(line)
				}
				results = append(results, line)
			}
		}
		if tail != "" { // if tail:
			buffer = append(buffer, tail) // self._buffer.append(tail)
			if pending := strings.Join(buffer, ""); len(pending) > maxLen {
				return results, tooLong(pending)
			}
		}
	}
	if len(buffer) > 0 { // if stop and self._buffer:
		tail := strings.Join(buffer, "")
		if trailer {
			return append(results, tail), ""
		}
		return results, fmt.Sprintf("trailing data remains: '%s'", tail[:min(10, len(tail))])
	}
	return results, ""
}

// fzLineSource says how the chunks reach the LineBreak stage.
type fzLineSource struct {
	generator   bool // a Generator rather than a list
	cooperate   bool // a Cooperate between chunks
	cooperateAt int  // and one more before chunk cooperateAt
}

func (s fzLineSource) build(chunks []string) any {
	var items []any
	for i, c := range chunks {
		if (s.cooperate && i > 0) || i == s.cooperateAt {
			items = append(items, flow.Cooperate(0))
		}
		items = append(items, c)
	}
	if !s.generator {
		return items
	}
	return flow.Generator(func(yield func(any) bool) error {
		for _, it := range items {
			if !yield(it) {
				return nil
			}
		}
		return nil
	})
}

// fzRunLineBreak runs LineBreak over the chunks under Block (without
// sleeping) and returns its lines and the message of its failure, which
// must be a RuntimeError.
func fzRunLineBreak(t *testing.T, chunks []string, opts flow.LineBreakOptions, src fzLineSource) (lines []string, fail string) {
	t.Helper()
	b := flow.Block(flow.LineBreak(src.build(chunks), opts))
	b.Sleep = func(float64) {}
	for v, err := range b.All() {
		if err != nil {
			f := twisted.NewFailure(err)
			if f.Check(twisted.RuntimeError) == nil {
				t.Fatalf("LineBreak failed with %s, not a RuntimeError", twisted.Repr(f))
			}
			return lines, f.GetErrorMessage()
		}
		s, ok := v.(string)
		if !ok {
			t.Fatalf("LineBreak produced %s, not a string", twisted.Repr(v))
		}
		lines = append(lines, s)
	}
	return lines, ""
}

// TestLineBreakModelMatchesPython checks the model against the original
// run by testdata/fuzz/linebreak.py (Python column recorded from python2.7
// with Twisted b2b5697a0f^), and the port against the model where no
// delimiter is cut, and against the whole stream split at once everywhere.
func TestLineBreakModelMatchesPython(t *testing.T) {
	cases := []struct {
		chunks  []string
		delim   string
		trailer bool
		python  []string // the lines the original produced
		fail    string   // then its RuntimeError, if any
	}{
		{[]string{"Hello ", "World\nHappy", " Days", " Are Here\n"}, "\n", false, []string{"Hello World", "Happy Days Are Here"}, ""},
		{[]string{"a\r", "\nb\r\n"}, "\r\n", false, []string{"a\r\nb"}, ""},
		{[]string{"a\r\nb", "\r\n"}, "\r\n", false, []string{"a", "b"}, ""},
		{[]string{"one\ntwo", "\nthree"}, "\n", true, []string{"one", "two", "three"}, ""},
		{[]string{"one\ntwo", "\nthree"}, "\n", false, []string{"one", "two"}, "trailing data remains: 'three'"},
		{[]string{"\n\n", "", "\n"}, "\n", false, []string{"", "", ""}, ""},
		{[]string{"ab", "aba"}, "aba", true, []string{"ab"}, ""},
		{[]string{"abab", "a"}, "aba", true, []string{"", "ba"}, ""},
		{[]string{"xx", "yy", "zz"}, ";", true, []string{"xxyyzz"}, ""},
		{[]string{"0123456789abcdef"}, ";", false, nil, "trailing data remains: '0123456789'"},
		{[]string{"a;;b;", ";c", ";"}, ";;", false, []string{"a"}, "trailing data remains: 'b;;c;'"},
		{[]string{"", ""}, "\n", true, nil, ""},
		{[]string{"tail"}, "\n", false, nil, "trailing data remains: 'tail'"},
		{[]string{"x\n", "\n", "y"}, "\n", true, []string{"x", "", "y"}, ""},
	}
	for _, c := range cases {
		lines, fail := fzLineModel(c.chunks, c.delim, 16384, c.trailer)
		if !slices.Equal(lines, c.python) || fail != c.fail {
			t.Errorf("model on %q (delimiter %q, trailer %v): %q %q; Python: %q %q", c.chunks, c.delim, c.trailer, lines, fail, c.python, c.fail)
		}
		want, _, wantFail := fzWholeStream(c.chunks, c.delim, 16384, c.trailer)
		if !fzStraddles(c.chunks, c.delim) && (!slices.Equal(want, c.python) || wantFail != c.fail) {
			t.Errorf("no delimiter cut in %q (delimiter %q), yet the whole stream's %q %q differ from Python's", c.chunks, c.delim, want, wantFail)
		}
		for _, src := range []fzLineSource{{cooperateAt: -1}, {generator: true, cooperateAt: -1}, {generator: true, cooperate: true}} {
			lines, fail := fzRunLineBreak(t, c.chunks, flow.LineBreakOptions{Delimiter: c.delim, Trailer: c.trailer}, src)
			if !slices.Equal(lines, want) || fail != wantFail {
				t.Errorf("LineBreak on %q (delimiter %q, trailer %v, %+v): %q %q; the whole stream: %q %q", c.chunks, c.delim, c.trailer, src, lines, fail, want, wantFail)
			}
		}
	}
}

// fzCutStream cuts stream into chunks whose lengths are the bytes of cuts
// (modulo 17, so that empty chunks occur); what is left is the last chunk.
func fzCutStream(stream, cuts []byte) []string {
	var chunks []string
	for _, c := range cuts {
		n := min(int(c%17), len(stream))
		chunks = append(chunks, string(stream[:n]))
		stream = stream[n:]
	}
	return append(chunks, string(stream))
}

// fzStraddles reports whether a chunk boundary falls strictly inside an
// occurrence of delim in the whole stream (any occurrence, overlapping
// ones too).
func fzStraddles(chunks []string, delim string) bool {
	whole := strings.Join(chunks, "")
	var bounds []int
	pos := 0
	for _, c := range chunks[:len(chunks)-1] {
		pos += len(c)
		bounds = append(bounds, pos)
	}
	for i := 0; i+len(delim) <= len(whole); i++ {
		if whole[i:i+len(delim)] != delim {
			continue
		}
		for _, b := range bounds {
			if i < b && b < i+len(delim) {
				return true
			}
		}
	}
	return false
}

// fzWholeStream is what LineBreak must give when no delimiter is cut:
// the whole stream split on the delimiter, the last piece being the tail,
// up to the first line longer than maxLen.
func fzWholeStream(chunks []string, delim string, maxLen int, trailer bool) (lines []string, tooLong string, fail string) {
	pieces := strings.Split(strings.Join(chunks, ""), delim)
	for i, p := range pieces {
		if len(p) > maxLen {
			return lines, p, ""
		}
		if i < len(pieces)-1 {
			lines = append(lines, p)
		}
	}
	tail := pieces[len(pieces)-1]
	switch {
	case tail == "":
	case trailer:
		lines = append(lines, tail)
	default:
		fail = fmt.Sprintf("trailing data remains: '%s'", tail[:min(10, len(tail))])
	}
	return lines, "", fail
}

// fzCheckLines checks LineBreak's lines and failure on the chunks against
// the whole stream split at once, and, where no delimiter is cut, against
// fzLineModel, the original's algorithm.
func fzCheckLines(t *testing.T, chunks []string, opts flow.LineBreakOptions, src fzLineSource) {
	t.Helper()
	delim, max := opts.Delimiter, opts.MaxLength
	if delim == "" {
		delim = "\r\n"
	}
	if max == 0 {
		max = 16384
	}
	got, fail := fzRunLineBreak(t, chunks, opts, src)
	whole, tooLong, wholeFail := fzWholeStream(chunks, delim, max, opts.Trailer)
	if !slices.Equal(got, whole) {
		t.Fatalf("LineBreak on %q (delimiter %q, maxlength %d, trailer %v, %+v):\n got         %q %q\n whole stream %q",
			chunks, delim, max, opts.Trailer, src, got, fail, whole)
	}
	switch {
	case tooLong != "":
		prefix := fmt.Sprintf("line length exceeds maxlength %d: '", max)
		quoted, ok := strings.CutPrefix(fail, prefix)
		if !ok || !strings.HasSuffix(quoted, "'") || !strings.HasPrefix(tooLong, quoted[:len(quoted)-1]) {
			t.Fatalf("LineBreak on %q (delimiter %q): line %q is longer than %d, yet the failure is %q", chunks, delim, tooLong, max, fail)
		}
	case fail != wholeFail:
		t.Fatalf("LineBreak on %q (delimiter %q): failure %q, the whole stream's %q", chunks, delim, fail, wholeFail)
	}
	if fzStraddles(chunks, delim) {
		return
	}
	want, wantFail := fzLineModel(chunks, delim, max, opts.Trailer)
	if tooLong != "" {
		// The message was checked above: it may quote less of the line
		// than the model's, which counts the beginning of a delimiter
		// that may follow as the line's.
		wantFail = fail
	}
	if !slices.Equal(got, want) || fail != wantFail {
		t.Fatalf("LineBreak on %q (delimiter %q, maxlength %d, trailer %v, %+v), no delimiter cut:\n got  %q %q\n the original's %q %q",
			chunks, delim, max, opts.Trailer, src, got, fail, want, wantFail)
	}
}

// FuzzLineBreak cuts a byte stream into chunks and checks LineBreak's lines
// against the whole stream split at once, delimiters cut by the chunks'
// ends included, and against fzLineModel, the original's algorithm, where
// none is cut.
func FuzzLineBreak(f *testing.F) {
	f.Add([]byte("Hello World\nHappy Days Are Here\n"), []byte{6, 11}, "\n", uint8(0), uint8(0))
	f.Add([]byte("a\r\nb\r\nc"), []byte{2, 3}, "", uint8(0), uint8(1))
	f.Add([]byte("a\r\nb\r\nc"), []byte{2, 3}, "", uint8(0), uint8(2))
	f.Add([]byte("one\r\ntwo\r\n"), []byte{4}, "", uint8(0), uint8(0))
	f.Add([]byte("abababa"), []byte{2, 3, 1}, "aba", uint8(0), uint8(5))
	f.Add([]byte("xxabcdyyabcd"), []byte{3, 1, 1, 5}, "abcd", uint8(2), uint8(0))
	f.Add([]byte("short\na much longer line\nx"), []byte{3, 9, 9}, "\n", uint8(6), uint8(7))
	f.Add([]byte("0123456789abcdef"), []byte{4, 4}, ";", uint8(0), uint8(0))
	f.Add([]byte(";;;;;;"), []byte{1, 0, 2, 1}, ";;", uint8(1), uint8(3))
	f.Add([]byte("xx;;yy;"), []byte{3, 0, 1}, ";;", uint8(2), uint8(1))
	f.Add([]byte(""), []byte{}, "\n", uint8(0), uint8(0))
	f.Fuzz(func(t *testing.T, stream, cuts []byte, delim string, maxLen, flags uint8) {
		if len(cuts) > 64 || len(stream) > 4096 {
			t.Skip()
		}
		opts := flow.LineBreakOptions{Delimiter: delim[:min(4, len(delim))], MaxLength: int(maxLen), Trailer: flags&1 != 0}
		src := fzLineSource{generator: flags&2 != 0, cooperate: flags&4 != 0, cooperateAt: int(flags >> 3)}
		fzCheckLines(t, fzCutStream(stream, cuts), opts, src)
	})
}

// Every delimiter cut at every position: a stream cut once at each
// offset, in two, and into single bytes, gives the whole stream's lines.
func TestLineBreakDelimiterCutAtEveryPosition(t *testing.T) {
	for _, c := range []struct{ stream, delim string }{
		{"one\r\ntwo\r\n\r\nthree", ""},
		{"a\nbb\n\nccc\n", "\n"},
		{"xabayababaz", "aba"},
		{"pqabcdrsabcabcdt", "abcd"},
		{";;;x;;;;y;", ";;"},
	} {
		for _, trailer := range []bool{true, false} {
			opts := flow.LineBreakOptions{Delimiter: c.delim, Trailer: trailer}
			for at := 0; at <= len(c.stream); at++ {
				fzCheckLines(t, []string{c.stream[:at], c.stream[at:]}, opts, fzLineSource{cooperateAt: -1})
				for at2 := at; at2 <= len(c.stream); at2++ {
					fzCheckLines(t, []string{c.stream[:at], c.stream[at:at2], c.stream[at2:]}, opts, fzLineSource{generator: true, cooperateAt: -1})
				}
			}
			var bytes []string
			for i := range len(c.stream) {
				bytes = append(bytes, c.stream[i:i+1])
			}
			fzCheckLines(t, bytes, opts, fzLineSource{cooperate: true})
		}
	}
}

// gomem-test: -v
package main

import "testing"

func classify(n int) string {
	switch {
	case n < 0:
		return "negative"
	case n == 0:
		return "zero"
	case n < 10:
		return "small"
	}
	return "large"
}

func TestClassify(t *testing.T) {
	tests := []struct {
		name string
		n    int
		want string
	}{
		{"minus one", -1, "negative"},
		{"zero", 0, "zero"},
		{"seven", 7, "small"},
		{"ten", 10, "small"},
		{"hundred", 100, "large"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := classify(tc.n); got != tc.want {
				t.Fatalf("classify(%d) = %q, want %q", tc.n, got, tc.want)
			}
		})
	}
}

package main

import (
	"strings"
	"testing"
)

func reverse(s string) string {
	b := []byte(s)
	for i, j := 0, len(b)-1; i < j; i, j = i+1, j-1 {
		b[i], b[j] = b[j], b[i]
	}
	return string(b)
}

func TestReverse(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"", ""},
		{"a", "a"},
		{"abc", "cba"},
		{"hello", "olleh"},
		{"racecar", "racecar"},
		{"Go", "Go"},
	}
	for _, tc := range tests {
		if got := reverse(tc.in); got != tc.want {
			t.Errorf("reverse(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestUpper(t *testing.T) {
	cases := map[string]string{"go": "GO", "Mem": "MEM"}
	for in, want := range cases {
		if got := strings.ToUpper(in); got != want {
			t.Errorf("ToUpper(%q) = %q", in, got)
		}
	}
}

package main

import "errors"

var sinkErr error

// A deferred closure that rewrites a named error result.
func op(fail bool) (err error) {
	defer func() {
		if err != nil {
			err = errors.New("wrapped")
		}
	}()
	if fail {
		return errors.New("fail")
	}
	return nil
}

func main() {
	sinkErr = op(true)
	println(sinkErr != nil, op(false) == nil)
}

package debug

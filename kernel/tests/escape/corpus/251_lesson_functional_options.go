package main

import "fmt"

type Server struct {
	host string
	port int
}

type Option func(*Server)

func WithPort(p int) Option {
	return func(s *Server) { s.port = p }
}

func WithHost(h string) Option {
	return func(s *Server) { s.host = h }
}

func NewServer(opts ...Option) *Server {
	s := &Server{host: "localhost", port: 80}
	for _, o := range opts {
		o(s)
	}
	return s
}

func main() {
	s := NewServer(WithPort(8080), WithHost("example"))
	fmt.Println(s.host, s.port)
}

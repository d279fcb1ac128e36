module gofmtgolden

go 1.27.3

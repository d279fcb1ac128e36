module gomem/stackgolden

go 1.27

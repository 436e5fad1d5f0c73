from cupy_backends.backend cimport Backend

cpdef Backend active()

# Extra targets of the sqzgraph build (config.m4: PHP_ADD_MAKEFILE_FRAGMENT).

# The C sources against .clang-format, as the test command checks them.
format-check:
	bash $(srcdir)/scripts/check-format.sh

.PHONY: format-check

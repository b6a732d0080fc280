/* Minimal unit-test harness for src/core, run under ASan + UBSan by
 * scripts/core-tests.sh. Each tests/core/test_*.c is one program:
 *
 *   static void test_something(void) { CHECK(x == 1); CHECK_STR(a, "b"); }
 *   int main(void) { RUN(test_something); return check_summary(); }
 *
 * check_summary() prints "<file>: N checks, M failed" and returns the exit
 * status. */
#ifndef SQZ_TEST_CHECK_H
#define SQZ_TEST_CHECK_H

#include <stdio.h>
#include <string.h>

static int check_count, check_failed;

#define CHECK(cond) do { \
	check_count++; \
	if (!(cond)) { \
		check_failed++; \
		fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond); \
	} \
} while (0)

#define CHECK_STR(actual, expected) do { \
	const char *a_ = (actual), *e_ = (expected); \
	check_count++; \
	if (!a_ || !e_ ? a_ != e_ : strcmp(a_, e_) != 0) { \
		check_failed++; \
		fprintf(stderr, "%s:%d: CHECK_STR failed: %s\n  got:      %s\n  expected: %s\n", \
			__FILE__, __LINE__, #actual, a_ ? a_ : "(null)", e_ ? e_ : "(null)"); \
	} \
} while (0)

#define CHECK_INT(actual, expected) do { \
	long long a_ = (long long)(actual), e_ = (long long)(expected); \
	check_count++; \
	if (a_ != e_) { \
		check_failed++; \
		fprintf(stderr, "%s:%d: CHECK_INT failed: %s\n  got:      %lld\n  expected: %lld\n", \
			__FILE__, __LINE__, #actual, a_, e_); \
	} \
} while (0)

#define RUN(fn) do { fn(); } while (0)

static inline int check_summary_named(const char *file)
{
	printf("%s: %d checks, %d failed\n", file, check_count, check_failed);
	return check_failed ? 1 : 0;
}
#define check_summary() check_summary_named(__FILE__)

#endif

/* sqzgraph core: the debug/diagnostic logger hook (Config's `logger`).
 * Messages passed here never contain a secret, token, code or verifier:
 * callers build them from methods, paths, statuses and request ids only. */
#ifndef SQZ_LOG_H
#define SQZ_LOG_H

#include <stddef.h>

typedef enum sqz_log_level {
	SQZ_LOG_DEBUG,
	SQZ_LOG_INFO,
	SQZ_LOG_WARNING,
	SQZ_LOG_ERROR
} sqz_log_level;

/* One context entry; value NULL is logged as null. */
typedef struct sqz_log_field {
	const char *name;
	const char *value;
} sqz_log_field;

typedef struct sqz_logger {
	void (*log)(void *ctx, sqz_log_level level, const char *message, const sqz_log_field *fields, size_t field_count);
	void *ctx;
} sqz_logger;

static inline const char *sqz_log_level_name(sqz_log_level level)
{
	switch (level) {
	case SQZ_LOG_DEBUG: return "debug";
	case SQZ_LOG_INFO: return "info";
	case SQZ_LOG_WARNING: return "warning";
	default: return "error";
	}
}

#endif

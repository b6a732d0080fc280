/* sqzgraph — Microsoft Graph mail import for Squeeze. */
#ifndef PHP_SQZGRAPH_H
#define PHP_SQZGRAPH_H

extern zend_module_entry sqzgraph_module_entry;
#define phpext_sqzgraph_ptr &sqzgraph_module_entry

#define PHP_SQZGRAPH_VERSION "0.11.1"

#if PHP_VERSION_ID < 80200
# error "sqzgraph needs PHP 8.2 or later (config.m4 says so too)"
#endif

ZEND_BEGIN_MODULE_GLOBALS(sqzgraph)
	/* Core HTTP stack (src/core/http): one per process so that keep-alive
	 * connections and TLS sessions survive across requests of an FPM
	 * worker; created on first use, freed in GSHUTDOWN. */
	void *http;
	/* Set while a fatal error (engine bailout) raised inside a userland
	 * callback unwinds the core's frames: the core finishes its cleanup,
	 * and no callback into PHP (Store, logger, progress) may run then. */
	bool unwinding_fatal;
	/* A fatal error in a callback the core made (logger, userland Store)
	 * was caught there; the bailout resumes as soon as the core has
	 * returned: at the next throw of the binding or at the VM interrupt
	 * right after the method returns (php_sqz_fatal_caught). */
	bool fatal_pending;
ZEND_END_MODULE_GLOBALS(sqzgraph)

ZEND_EXTERN_MODULE_GLOBALS(sqzgraph)
#define SQZG(v) ZEND_MODULE_GLOBALS_ACCESSOR(sqzgraph, v)

#if defined(ZTS) && defined(COMPILE_DL_SQZGRAPH)
ZEND_TSRMLS_CACHE_EXTERN()
#endif

#endif

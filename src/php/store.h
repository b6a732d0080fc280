/* sqzgraph binding: SqzGraph\Store and the bridge from a PHP Store object
 * to the core's sqz_store (the ext/random engine pattern).
 *
 * An owner (SealedStore now; Authenticator and Importer later) embeds a
 * php_sqz_store_ref in its object struct and:
 *
 *   php_sqz_store_ref_init(&obj->store, Z_OBJ_P(store_zv));   // constructor
 *   sqz_store_get(&obj->store.store, ...);                       // the core calls this
 *   php_sqz_store_ref_gc(&obj->store, gc_buffer);                // get_gc
 *   php_sqz_store_ref_release(&obj->store);                      // free_obj
 *
 * Fast path: a native Store object (an internal class: FileStore,
 * SealedStore, ...) is a php_sqz_native_store and gives its core sqz_store
 * directly; no PHP call is made. The bridge names no class.
 * Userland path: get/put/delete/lock/unlock are looked up once and called
 * with zend_call_known_instance_method. Then:
 * - A method that throws makes the op return SQZ_E_CALLBACK with a
 *   StoreException pending ("the Store <Class>::<method>() failed for record
 *   '<key>': <Class>: <message>") whose getPrevious() is the original, so
 *   that `catch (SqzGraph\Exception)` catches a failing userland store. An
 *   exception that already implements SqzGraph\Exception, and exit(), stay
 *   as they are. Either way php_sqz_throw_error() keeps what is pending.
 * - A return value of the wrong type (only reachable if the engine's own
 *   return-type check is bypassed) is SQZ_E_STORE "... returned int,
 *   expected ?string".
 * - With an exception already pending, get/put/delete/lock are not called
 *   (SQZ_E_CALLBACK); unlock IS called, so that a lock taken before a failure
 *   is released on the way out (zend_exception_save/restore; a failure of
 *   that unlock is chained in front of the pending exception).
 * - While the core runs userland code, the owner must hold a reference to
 *   itself (GC_ADDREF/OBJ_RELEASE around the call): the callback may drop
 *   the last outside reference. */
#ifndef PHP_SQZ_STORE_H
#define PHP_SQZ_STORE_H

#include "php.h"
#include "core/store.h"

extern zend_class_entry *php_sqz_store_ce;          /* interface SqzGraph\Store */

/* The end of every native Store object's struct, as every ext/random engine
 * object is a php_random_engine: what the bridge reads without a PHP call.
 * Adding a native Store class (FileStore, SealedStore, PdoStore) is:
 *   typedef struct { <its own fields>; php_sqz_native_store native; } ...;
 *   handlers.offset = XtOffsetOf(<that struct>, native.std);
 *   __construct:  obj->native.store = <its core sqz_store>;  (once it works)
 *   get/put/delete/lock/unlock: php_sqz_native_store_<method>(INTERNAL_FUNCTION_PARAM_PASSTHRU);
 * create_object leaves native.store zeroed: "not initialized" until then.
 * store.ctx points into the object or at what it owns: valid while the
 * object lives (a php_sqz_store_ref holds a reference to it). */
typedef struct php_sqz_native_store {
	sqz_store store;     /* ops == NULL until the object is constructed */
	zend_object std;
} php_sqz_native_store;

static inline php_sqz_native_store *php_sqz_native_store_from_obj(zend_object *obj)
{
	return (php_sqz_native_store *)((char *)obj - XtOffsetOf(php_sqz_native_store, std));
}

typedef struct php_sqz_store_ref {
	sqz_store store;     /* what the core calls; valid while the ref is initialised */
	zval object;         /* the Store object, one counted reference; IS_UNDEF when empty */
	/* userland path only (NULL on the fast path) */
	zend_function *fn_get, *fn_put, *fn_delete, *fn_lock, *fn_unlock;
} php_sqz_store_ref;

/* Takes a reference to obj (which must implement SqzGraph\Store) and fills
 * ref. ref must not move afterwards (its address is the userland ctx).
 * FAILURE with an exception thrown when obj is not a Store or is an
 * internal Store that was never constructed; ref is then empty. */
zend_result php_sqz_store_ref_init(php_sqz_store_ref *ref, zend_object *obj);

/* Drops the reference and empties ref. Safe on an empty or zeroed ref. */
void php_sqz_store_ref_release(php_sqz_store_ref *ref);

/* Adds the held object to an owner's get_gc buffer. */
void php_sqz_store_ref_gc(php_sqz_store_ref *ref, zend_get_gc_buffer *gc);

/* The five Store methods of every native Store class, whole: a class's
 * method is `php_sqz_native_store_get(INTERNAL_FUNCTION_PARAM_PASSTHRU);`.
 * Each parses its arguments, throws Error for an object never constructed
 * (native.store.ops still NULL), holds a reference to the object while the
 * core runs, and sets return_value or throws through php_sqz_throw_error(). */
void php_sqz_native_store_get(INTERNAL_FUNCTION_PARAMETERS);
void php_sqz_native_store_put(INTERNAL_FUNCTION_PARAMETERS);
void php_sqz_native_store_delete(INTERNAL_FUNCTION_PARAMETERS);
void php_sqz_native_store_lock(INTERNAL_FUNCTION_PARAMETERS);
void php_sqz_native_store_unlock(INTERNAL_FUNCTION_PARAMETERS);

/* zend_argument_value_error() for a negative or NaN lock timeout; returns
 * false when it threw. */
bool php_sqz_store_check_timeout(double timeout, uint32_t arg_num);

#endif

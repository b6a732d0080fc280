dnl sqzgraph: Microsoft Graph mail import for Squeeze.
dnl Finds libcurl, OpenSSL (libcrypto) and json-c with pkg-config, the way
dnl ext/curl does, and names the Debian package when one is missing.

PHP_ARG_WITH([sqzgraph],
  [for sqzgraph support],
  [AS_HELP_STRING([--with-sqzgraph],
    [Include sqzgraph (Microsoft Graph mail import) support])])

PHP_ARG_ENABLE([sqzgraph-dev],
  [whether to build sqzgraph with developer warnings],
  [AS_HELP_STRING([--enable-sqzgraph-dev],
    [sqzgraph: compile with -Wall -Wextra -Werror])],
  [no],
  [no])

PHP_ARG_WITH([sqzgraph-isal],
  [whether sqzgraph decodes gzip with ISA-L],
  [AS_HELP_STRING([--without-sqzgraph-isal],
    [sqzgraph: decode gzip'd answers with zlib even where ISA-L (libisal-dev) is found])],
  [yes],
  [no])

if test "$PHP_SQZGRAPH" != "no"; then
  dnl Tested on PHP 8.2 (Debian 12; also debug + ZTS) and 8.4 (Debian 13):
  dnl scripts/matrix.sh. An older PHP lacks APIs and stub features it uses.
  AC_MSG_CHECKING([whether PHP is 8.2 or later])
  if test -z "$PHP_VERSION_ID" && test -n "$PHP_CONFIG"; then
    PHP_VERSION_ID=`$PHP_CONFIG --vernum 2>/dev/null`
  fi
  if test -n "$PHP_VERSION_ID" && test "$PHP_VERSION_ID" -lt 80200; then
    AC_MSG_RESULT([no])
    AC_MSG_ERROR([sqzgraph needs PHP 8.2 or later; this PHP is $PHP_VERSION_ID (from $PHP_CONFIG). Build it with the php-config of a newer PHP: ./configure --with-php-config=/path/to/php-config])
  fi
  AC_MSG_RESULT([yes ($PHP_VERSION_ID)])

  PKG_PROG_PKG_CONFIG
  if test -z "$PKG_CONFIG"; then
    AC_MSG_ERROR([pkg-config not found; install it: apt-get install pkg-config])
  fi

  PKG_CHECK_MODULES([SQZ_CURL], [libcurl >= 7.68.0], [],
    [AC_MSG_ERROR([libcurl >= 7.68 development files not found; install them: apt-get install libcurl4-openssl-dev])])
  PKG_CHECK_MODULES([SQZ_CRYPTO], [libcrypto >= 1.1.1], [],
    [AC_MSG_ERROR([OpenSSL (libcrypto >= 1.1.1) development files not found; install them: apt-get install libssl-dev])])
  PKG_CHECK_MODULES([SQZ_JSONC], [json-c >= 0.15], [],
    [AC_MSG_ERROR([json-c >= 0.15 development files not found; install them: apt-get install libjson-c-dev])])

  dnl gzip'd answers are decoded by the extension (src/core/gunzip.c): with
  dnl ISA-L where it is found (about half zlib's CPU for Graph's answers),
  dnl else with zlib.
  SQZ_INFLATE=zlib
  if test "$PHP_SQZGRAPH_ISAL" != "no"; then
    PKG_CHECK_MODULES([SQZ_ISAL], [libisal >= 2.25], [SQZ_INFLATE=isal], [SQZ_INFLATE=zlib])
  fi
  if test "$SQZ_INFLATE" = "isal"; then
    PHP_EVAL_INCLINE([$SQZ_ISAL_CFLAGS])
    PHP_EVAL_LIBLINE([$SQZ_ISAL_LIBS], [SQZGRAPH_SHARED_LIBADD])
    AC_MSG_NOTICE([sqzgraph decodes gzip with ISA-L])
  else
    PKG_CHECK_MODULES([SQZ_ZLIB], [zlib >= 1.2.11], [],
      [AC_MSG_ERROR([zlib development files not found; install them: apt-get install zlib1g-dev (or libisal-dev, which decodes faster)])])
    PHP_EVAL_INCLINE([$SQZ_ZLIB_CFLAGS])
    PHP_EVAL_LIBLINE([$SQZ_ZLIB_LIBS], [SQZGRAPH_SHARED_LIBADD])
    AC_MSG_NOTICE([sqzgraph decodes gzip with zlib (libisal-dev would be faster)])
  fi

  PHP_EVAL_INCLINE([$SQZ_CURL_CFLAGS])
  PHP_EVAL_LIBLINE([$SQZ_CURL_LIBS], [SQZGRAPH_SHARED_LIBADD])
  PHP_EVAL_INCLINE([$SQZ_CRYPTO_CFLAGS])
  PHP_EVAL_LIBLINE([$SQZ_CRYPTO_LIBS], [SQZGRAPH_SHARED_LIBADD])
  PHP_EVAL_INCLINE([$SQZ_JSONC_CFLAGS])
  PHP_EVAL_LIBLINE([$SQZ_JSONC_LIBS], [SQZGRAPH_SHARED_LIBADD])

  PHP_CHECK_LIBRARY([curl], [curl_multi_poll],
    [], [AC_MSG_ERROR([libcurl lacks curl_multi_poll (needs 7.66+); install libcurl4-openssl-dev])],
    [$SQZ_CURL_LIBS])
  PHP_CHECK_LIBRARY([crypto], [EVP_PKEY_derive],
    [], [AC_MSG_ERROR([libcrypto lacks EVP_PKEY_derive; install libssl-dev])],
    [$SQZ_CRYPTO_LIBS])
  PHP_CHECK_LIBRARY([json-c], [json_tokener_parse_ex],
    [], [AC_MSG_ERROR([json-c lacks json_tokener_parse_ex; install libjson-c-dev])],
    [$SQZ_JSONC_LIBS])

  SQZ_CFLAGS="-std=gnu11 -DZEND_ENABLE_STATIC_TSRMLS_CACHE=1"
  dnl A define on the command line, not in config.h: src/core has a config.h of its own.
  if test "$SQZ_INFLATE" = "isal"; then
    SQZ_CFLAGS="$SQZ_CFLAGS -DSQZ_HAVE_ISAL=1"
  fi
  if test "$PHP_SQZGRAPH_DEV" != "no"; then
    SQZ_CFLAGS="$SQZ_CFLAGS -Wall -Wextra -Werror -Wno-unused-parameter -Wno-missing-field-initializers"
  fi

  dnl One variable per layer; src/core never sees a Zend header (scripts/check-core.sh).
  SQZ_CORE_SOURCES="src/core/alloc.c \
    src/core/error.c \
    src/core/buf.c \
    src/core/clock.c \
    src/core/crypto.c \
    src/core/crypto_pem.c \
    src/core/config.c \
    src/core/store.c \
    src/core/filestore.c \
    src/core/sealed_store.c \
    src/core/sql_store.c \
    src/core/range_lock.c \
    src/core/prefetch.c \
    src/core/base64.c \
    src/core/mime_parts.c \
    src/core/json.c \
    src/core/text_store.c \
    src/core/url.c \
    src/core/slots.c \
    src/core/gunzip.c \
    src/core/http.c \
    src/core/graph.c \
    src/core/folders.c \
    src/core/mailbox.c \
    src/core/batch.c \
    src/core/connection_test.c \
    src/core/oauth.c \
    src/core/sink.c \
    src/core/import_state.c \
    src/core/import_moves.c \
    src/core/importer.c"
  SQZ_PHP_SOURCES="src/php/errors.c \
    src/php/runtime.c \
    src/php/exceptions/ambiguous_folder_exception.c \
    src/php/exceptions/authorization_exception.c \
    src/php/exceptions/config_exception.c \
    src/php/exceptions/exception.c \
    src/php/exceptions/exceptions.c \
    src/php/exceptions/folder_not_found_exception.c \
    src/php/exceptions/graph_exception.c \
    src/php/exceptions/reauthentication_required_exception.c \
    src/php/exceptions/retry_later_exception.c \
    src/php/exceptions/store_exception.c \
    src/php/exceptions/throttled_exception.c \
    src/php/exceptions/transport_exception.c \
    src/php/config.c \
    src/php/store.c \
    src/php/filestore.c \
    src/php/token_info.c \
    src/php/authenticator.c \
    src/php/folder.c \
    src/php/message.c \
    src/php/attachment.c \
    src/php/message_iterator.c \
    src/php/mailbox.c \
    src/php/importer.c \
    src/php/import_report.c \
    src/php/sealed_store.c \
    src/php/pdo_store.c"

  PHP_NEW_EXTENSION([sqzgraph],
    [sqzgraph.c $SQZ_CORE_SOURCES $SQZ_PHP_SOURCES],
    [$ext_shared], , [$SQZ_CFLAGS])
  PHP_ADD_BUILD_DIR([$ext_builddir/src/core])
  PHP_ADD_BUILD_DIR([$ext_builddir/src/php])
  PHP_ADD_BUILD_DIR([$ext_builddir/src/php/exceptions])
  PHP_ADD_INCLUDE([$ext_srcdir/src])
  PHP_ADD_LIBRARY([m], 1, [SQZGRAPH_SHARED_LIBADD])
  PHP_SUBST([SQZGRAPH_SHARED_LIBADD])
  dnl make format-check: the C layout against .clang-format (scripts/check-format.sh)
  PHP_ADD_MAKEFILE_FRAGMENT
fi

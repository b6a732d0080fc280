--TEST--
Config: ranges of numbers, dates, encryption_key, ca_file and cloud
--SKIPIF--
<?php if (!extension_loaded('sqzgraph')) die('skip sqzgraph not loaded'); ?>
--FILE--
<?php
require __DIR__ . '/config.inc';
try_config(base_options(['max_retries' => 21]));
try_config(base_options(['max_retries' => -1]));
try_config(base_options(['concurrency' => 0]));
try_config(base_options(['concurrency' => 17]));
try_config(base_options(['connect_timeout' => 0]));
try_config(base_options(['timeout' => -1.5]));
try_config(base_options(['max_retry_wait' => INF]));
try_config(base_options(['timeout' => NAN]));
try_config(base_options(['timeout' => 86401]));
try_config(base_options(['client_secret_expires' => '31.12.2026']));
try_config(base_options(['client_secret_expires' => '2026-02-30']));
try_config(base_options(['client_secret_expires' => '2026-12-31T00:00:00']));
try_config(base_options(['client_secret_expires' => '']));
try_config(base_options(['client_secret_expires' => 0]));
try_config(base_options(['client_secret_expires' => -86400]));
try_config(base_options(['encryption_key' => '']));
try_config(base_options(['encryption_key' => 'TOPSECRET-short']));
try_config(base_options(['ca_file' => '']));
try_config(base_options(['ca_file' => '/nonexistent/sqzgraph-ca.pem']));
try_config(base_options(['ca_file' => __DIR__]));
try_config(base_options(['cloud' => 'germany']));
try_config(base_options(['cloud' => '']));
?>
--EXPECTF--
['max_retries'] max_retries must be between 0 and 20; got 21
['max_retries'] max_retries must be between 0 and 20; got -1
['concurrency'] concurrency must be between 1 and 16 (Graph allows 4 concurrent requests per mailbox); got 0
['concurrency'] concurrency must be between 1 and 16 (Graph allows 4 concurrent requests per mailbox); got 17
['connect_timeout'] connect_timeout must be a number of seconds greater than 0 and at most 86400; got 0
['timeout'] timeout must be a number of seconds greater than 0 and at most 86400; got -1.5
['max_retry_wait'] max_retry_wait must be a number of seconds greater than 0 and at most 86400; got inf
['timeout'] timeout must be a number of seconds greater than 0 and at most 86400; got nan
['timeout'] timeout must be a number of seconds greater than 0 and at most 86400; got 86401
['client_secret_expires'] client_secret_expires must be a 'Y-m-d' date (UTC), e.g. '2026-12-31', an int epoch or null; got "31.12.2026"
['client_secret_expires'] client_secret_expires must be a 'Y-m-d' date (UTC), e.g. '2026-12-31', an int epoch or null; got "2026-02-30"
['client_secret_expires'] client_secret_expires must be a 'Y-m-d' date (UTC), e.g. '2026-12-31', an int epoch or null; got "2026-12-31T00:00:00"
['client_secret_expires'] client_secret_expires must be a 'Y-m-d' date (UTC), e.g. '2026-12-31', an int epoch or null; got ""
['client_secret_expires'] client_secret_expires must be a positive epoch (seconds since 1970-01-01 UTC), a 'Y-m-d' date or null; got 0
['client_secret_expires'] client_secret_expires must be a positive epoch (seconds since 1970-01-01 UTC), a 'Y-m-d' date or null; got -86400
['encryption_key'] encryption_key must not be empty; use null to leave the Store unsealed
['encryption_key'] encryption_key is 15 bytes long; it must have at least 16 (32 random bytes are best, e.g. base64_encode(random_bytes(32)))
['ca_file'] ca_file must not be empty; leave it out (or null) to use the system's CA store
['ca_file'] ca_file must be a readable CA bundle file (PEM); "/nonexistent/sqzgraph-ca.pem": No such file or directory
['ca_file'] ca_file must be a readable CA bundle file (PEM); "%s/tests/Config": a directory, not a file (give the bundle file, e.g. /etc/ssl/certs/ca-certificates.crt)
['cloud'] cloud must be one of global, usgov, usgov-dod, china; got "germany"
['cloud'] cloud must be one of global, usgov, usgov-dod, china; got ""

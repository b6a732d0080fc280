--TEST--
Config: folders merge with the defaults; scopes, numbers, dates, encryption_key, ca_file
--SKIPIF--
<?php if (!extension_loaded('sqzgraph')) die('skip sqzgraph not loaded'); ?>
--FILE--
<?php
require __DIR__ . '/config.inc';
$a = (new SqzGraph\Config(base_options(['folders' => ['inbox' => 'Posteingang', 'error' => 'Fehler/Import']])))->toArray();
echo json_encode($a['folders'], JSON_UNESCAPED_SLASHES), "\n";
$a = (new SqzGraph\Config(base_options(['folders' => []])))->toArray();
echo json_encode($a['folders']), "\n";
// Custom delegated scopes are used as given, duplicates dropped (case-insensitively).
$a = (new SqzGraph\Config(base_options(['scopes' => ['offline_access', 'Mail.Read', 'mail.read', 'openid']])))->toArray();
echo json_encode($a['scopes']), "\n";
$a = (new SqzGraph\Config(base_options([
    'connect_timeout' => 2.5, 'timeout' => 30, 'max_retries' => 0, 'max_retry_wait' => 10, 'concurrency' => 16,
])))->toArray();
var_dump($a['connect_timeout'], $a['timeout'], $a['max_retries'], $a['max_retry_wait'], $a['concurrency']);
$a = (new SqzGraph\Config(base_options(['max_retries' => 20, 'concurrency' => 1])))->toArray();
var_dump($a['max_retries'], $a['concurrency']);
// client_secret_expires: 'Y-m-d' is midnight UTC whatever date.timezone says; an int is an epoch.
foreach (['UTC', 'Europe/Berlin', 'Pacific/Kiritimati', 'America/Los_Angeles'] as $tz) {
    date_default_timezone_set($tz);
    echo $tz, ' ', (new SqzGraph\Config(base_options(['client_secret_expires' => '2026-12-31'])))->toArray()['client_secret_expires'], "\n";
}
var_dump((new SqzGraph\Config(base_options(['client_secret_expires' => 1798675200])))->toArray()['client_secret_expires']);
var_dump((new SqzGraph\Config(base_options(['client_secret_expires' => null])))->toArray()['client_secret_expires']);
// encryption_key: binary allowed, at least 16 bytes; shown as '***'.
var_dump((new SqzGraph\Config(base_options(['encryption_key' => random_bytes(16)])))->toArray()['encryption_key']);
var_dump((new SqzGraph\Config(base_options(['encryption_key' => "\0" . random_bytes(31)])))->toArray()['encryption_key']);
var_dump((new SqzGraph\Config(base_options(['encryption_key' => null])))->toArray()['encryption_key']);
// ca_file: a readable file.
var_dump((new SqzGraph\Config(base_options(['ca_file' => __FILE__])))->toArray()['ca_file'] === __FILE__);
?>
--EXPECT--
{"inbox":"Posteingang","exported":"Exported","error":"Fehler/Import"}
{"inbox":"Inbox","exported":"Exported","error":"Error"}
["offline_access","Mail.Read","openid"]
float(2.5)
float(30)
int(0)
float(10)
int(16)
int(20)
int(1)
UTC 1798675200
Europe/Berlin 1798675200
Pacific/Kiritimati 1798675200
America/Los_Angeles 1798675200
int(1798675200)
NULL
string(3) "***"
string(3) "***"
NULL
bool(true)

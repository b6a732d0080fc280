--TEST--
Config: strict types; a wrong type names the key, the expected and the given type
--SKIPIF--
<?php if (!extension_loaded('sqzgraph')) die('skip sqzgraph not loaded'); ?>
--FILE--
<?php
require __DIR__ . '/config.inc';
try_config(base_options(['flow' => 1]));
try_config(base_options(['flow' => null]));
try_config(base_options(['tenant_id' => 42]));
try_config(base_options(['client_id' => ['x']]));
try_config(base_options(['client_secret' => 12345]));
try_config(base_options(['redirect_uri' => false]));
try_config(base_options(['mailbox' => new stdClass]));
try_config(base_options(['cloud' => null]));
try_config(base_options(['max_retries' => '5']));
try_config(base_options(['max_retries' => 5.0]));
try_config(base_options(['concurrency' => true]));
try_config(base_options(['timeout' => '60']));
try_config(base_options(['connect_timeout' => null]));
try_config(base_options(['scopes' => 'openid offline_access']));
try_config(base_options(['scopes' => ['a' => 'openid']]));
try_config(base_options(['scopes' => ['offline_access', 7]]));
try_config(base_options(['folders' => 'Inbox']));
try_config(base_options(['folders' => ['Inbox', 'Exported', 'Error']]));
try_config(base_options(['folders' => ['inbox' => 1]]));
try_config(base_options(['client_secret_expires' => 1.5]));
try_config(base_options(['client_secret_expires' => true]));
try_config(base_options(['encryption_key' => 123]));
try_config(base_options(['ca_file' => []]));
try_config(base_options(['logger' => 'no_such_function']));
try_config(base_options(['logger' => [new stdClass, 'log']]));
try_config(base_options(['logger' => 42]));
try_config(base_options(['logger' => new stdClass]));
class C { private function hidden($l, $m, $c) {} public function run() { try_config(base_options(['logger' => [$this, 'hidden']])); } }
(new C)->run();
// References are followed.
$flow = 'delegated';
$o = base_options();
$o['flow'] = &$flow;
echo (new SqzGraph\Config($o))->toArray()['flow'], "\n";
?>
--EXPECT--
['flow'] flow must be of type string, int given
['flow'] flow must be of type string, null given
['tenant_id'] tenant_id must be of type string, int given
['client_id'] client_id must be of type string, array given
['client_secret'] client_secret must be of type ?string, int given
['redirect_uri'] redirect_uri must be of type ?string, bool given
['mailbox'] mailbox must be of type ?string, stdClass given
['cloud'] cloud must be of type string, null given
['max_retries'] max_retries must be of type int, string given
['max_retries'] max_retries must be of type int, float given
['concurrency'] concurrency must be of type int, bool given
['timeout'] timeout must be of type int|float, string given
['connect_timeout'] connect_timeout must be of type int|float, null given
['scopes'] scopes must be of type array, string given
['scopes'] scopes must be a list of strings (an array without keys)
['scopes'] scopes[1] must be of type string, int given
['folders'] folders must be of type array, string given
['folders'] folders must be keyed by inbox, exported and error; got the integer key 0
['folders'] folders["inbox"] must be of type string, int given
['client_secret_expires'] client_secret_expires must be of type string|int|null, float given
['client_secret_expires'] client_secret_expires must be of type string|int|null, bool given
['encryption_key'] encryption_key must be of type ?string, int given
['ca_file'] ca_file must be of type ?string, array given
['logger'] logger must be a valid callback or null: function "no_such_function" not found or invalid function name
['logger'] logger must be a valid callback or null: class stdClass does not have a method "log"
['logger'] logger must be of type ?callable (or a PSR-3 logger object with a public log() method), int given
['logger'] logger must be of type ?callable (or a PSR-3 logger object with a public log() method), stdClass given
['logger'] logger must be a valid callback or null: cannot access private method C::hidden() (pass a Closure instead, e.g. $this->log(...))
delegated

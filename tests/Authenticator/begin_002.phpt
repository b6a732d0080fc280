--TEST--
Authenticator::beginAuthorization(): login_hint from the configured mailbox or the options, prompt, unknown options refused, client_credentials refused
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/common.inc';
$t = MockTenant::start('basic');

[$a] = sqz_auth($t);
$q = sqz_query($a->beginAuthorization()['url']);
show('no mailbox: login_hint', $q['login_hint'] ?? null);
$q = sqz_query($a->beginAuthorization(['login_hint' => 'o.brien+mail@contoso.example'])['url']);
show('given login_hint', $q['login_hint'] ?? null);
$q = sqz_query($a->beginAuthorization(['prompt' => 'consent'])['url']);
show('prompt', $q['prompt'] ?? null);
show('prompt without login_hint', $q['login_hint'] ?? null);

[$m] = sqz_auth($t, ['mailbox' => ADMIN]);
$q = sqz_query($m->beginAuthorization()['url']);
show('mailbox: login_hint', $q['login_hint'] ?? null);
show('mailbox: scope', str_replace($t->baseUrl, '{graph}', $q['scope']));
$q = sqz_query($m->beginAuthorization(['login_hint' => 'someone@contoso.example', 'prompt' => 'select_account'])['url']);
show('option wins over mailbox', $q['login_hint'] ?? null);
show('prompt', $q['prompt'] ?? null);

foreach ([['loginhint' => 'x@y.z'], ['state' => 'mine'], ['redirect_uri' => 'https://evil.example/']] as $bad) {
    $e = sqz_catch(fn () => $a->beginAuthorization($bad));
    echo get_class($e ?? new stdClass), ' ', str_contains((string) $e?->getMessage(), (string) array_key_first($bad)) ? 'names the key' : 'does not name the key: ' . $e?->getMessage(), "\n";
}

[$cc] = sqz_auth($t, ['flow' => 'client_credentials']);
$e = sqz_catch(fn () => $cc->beginAuthorization());
echo sqz_describe($e), "\n";
show('implements the marker', $e instanceof SqzGraph\Exception);
show('requests', count($t->requests()));
?>
--EXPECT--
no mailbox: login_hint: NULL
given login_hint: 'o.brien+mail@contoso.example'
prompt: 'consent'
prompt without login_hint: NULL
mailbox: login_hint: 'admin@contoso.example'
mailbox: scope: 'openid profile offline_access {graph}/Mail.ReadWrite {graph}/Mail.ReadWrite.Shared'
option wins over mailbox: 'someone@contoso.example'
prompt: 'select_account'
ValueError names the key
ValueError names the key
ValueError names the key
SqzGraph\ConfigException
implements the marker: true
requests: 0

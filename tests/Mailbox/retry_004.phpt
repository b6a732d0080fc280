--TEST--
Mailbox: a 401 InvalidAuthenticationToken (token expired early) refreshes the token once and retries once; a second 401 is thrown
--SKIPIF--
<?php require __DIR__ . '/../skipif.inc'; require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/common.inc';
$t = mb_tenant('basic');
$describe = fn (array $log) => array_map(fn ($r) => $r['status'] . ' ' . ($r['grant_type'] ?? (str_starts_with($r['target'], '/v1.0/') ? 'graph' : '?')), $log);
// Delegated: the refresh token is used.
$a = mb_auth($t);
$m = new SqzGraph\Mailbox($a);
$m->message(mb_id($t, 'Invoice 1'));
$t->expireAccessTokens();
$s = mb_seq($t);
show('delegated', [$m->message(mb_id($t, 'Invoice 1'))->subject, $describe($t->requests($s))]);
$s = mb_seq($t);
$m->message(mb_id($t, 'Invoice 1'));
show('the new token is kept', $describe($t->requests($s)));
// Persistent 401: exactly one refresh, two attempts, then the exception.
$t->fault(['path' => '/\$value$', 'status' => 401]);
$s = mb_seq($t);
$e = mb_catch(fn () => $m->saveMime(mb_id($t, 'Invoice 1'), fopen('php://memory', 'w')));
echo mb_describe($e), "\n";
show('log', $describe($t->requests($s)));
$t->clearFaults();
// Client credentials: a new app token.
$c = mb_cc_mailbox($t, ADMIN);
$c->message(mb_id($t, 'Invoice 2'));
$t->expireAccessTokens();
$s = mb_seq($t);
show('client credentials', [$c->message(mb_id($t, 'Invoice 2'))->subject, $describe($t->requests($s))]);
// A 401 with another code (MailboxNotEnabledForRESTAPI) is not a token problem: no refresh.
$t->control('POST', 'mailbox', ['user' => ADMIN, 'mailbox' => 'not_enabled', 'status' => 401]);
$s = mb_seq($t);
echo mb_describe(mb_catch(fn () => $c->message(mb_id($t, 'Invoice 2')))), "\n";
show('no refresh', $describe($t->requests($s)));
?>
--EXPECT--
delegated: ["Invoice 1",["401 graph","200 refresh_token","200 graph"]]
the new token is kept: ["200 graph"]
SqzGraph\GraphException status=401 code='InvalidAuthenticationToken'
log: ["401 graph","200 refresh_token","401 graph"]
client credentials: ["Invoice 2",["401 graph","200 client_credentials","200 graph"]]
SqzGraph\GraphException status=401 code='MailboxNotEnabledForRESTAPI'
no refresh: ["401 graph"]

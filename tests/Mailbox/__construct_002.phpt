--TEST--
Mailbox::__construct(): delegated with a shared mailbox addresses /users/{rawurlencoded address} (Mail.ReadWrite.Shared + share)
--SKIPIF--
<?php require __DIR__ . '/../skipif.inc'; require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/common.inc';
$t = mb_tenant('basic');
$t->control('POST', 'shares', ['owner' => OBRIEN, 'grantee' => ADMIN]);
// admin@ signs in; the mailbox option is O'Brien's shared mailbox.
$a = mb_auth($t, ['mailbox' => OBRIEN], true, ADMIN);
show('account', $a->status()->account);
show('shared scope', (bool) array_filter($a->status()->scopes, fn ($s) => str_ends_with($s, '/Mail.ReadWrite.Shared')));
$m = new SqzGraph\Mailbox($a);
$s = mb_seq($t);
$msgs = iterator_to_array($m->messages('inbox'));
show('subjects', array_map(fn ($x) => $x->subject, $msgs));
$n = $m->saveMime($msgs[0]->id, fopen('php://memory', 'w+'));
show('mime bytes', $n > 0);
$root = '/v1.0/users/' . rawurlencode(OBRIEN) . '/';
show('root', $root);
show('every request under it', array_map(fn ($r) => str_starts_with($r['target'], $root), mb_graph($t, $s)));
show('tokens', array_values(array_unique(array_column(mb_graph($t, $s), 'token_kind'))));
// Without the share the same token is refused.
$t->control('POST', 'shares', ['owner' => OBRIEN, 'grantee' => ADMIN, 'remove' => true]);
echo mb_describe(mb_catch(fn () => iterator_to_array($m->messages('inbox')))), "\n";
?>
--EXPECT--
account: 'admin@contoso.example'
shared scope: true
subjects: ["Hello O'Brien"]
mime bytes: true
root: '/v1.0/users/o%27brien%2Bmail%40contoso.example/'
every request under it: [true,true]
tokens: ["delegated"]
SqzGraph\GraphException status=403 code='ErrorAccessDenied'

--TEST--
Mailbox::move(): returns the id after the move (with ImmutableId the same id); the message is in the destination; by folder id or well-known name
--SKIPIF--
<?php require __DIR__ . '/../skipif.inc'; require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/common.inc';
$t = mb_tenant('basic');
$m = mb_mailbox($t);
$exported = $m->resolveFolder('Exported');
$id = mb_id($t, 'Invoice 1');
$before = array_values(array_filter($t->messagesIn(ADMIN, 'inbox'), fn ($x) => $x['immutable_id'] === $id))[0]['id'];
$s = mb_seq($t);
$new = $m->move($id, $exported->id);
show('returned the same (immutable) id', $new === $id);
show('in Exported', array_column($t->messagesIn(ADMIN, 'Exported'), 'subject'));
show('not in the Inbox', in_array('Invoice 1', array_column($t->messagesIn(ADMIN, 'inbox'), 'subject'), true));
$after = array_values(array_filter($t->messagesIn(ADMIN, 'Exported'), fn ($x) => $x['immutable_id'] === $id))[0]['id'];
show('its REST id changed (what a client without ImmutableId would have kept)', $before !== $after);
$log = mb_graph($t, $s);
show('request', [$log[0]['method'], parse_url($log[0]['target'], PHP_URL_PATH) === '/v1.0/me/messages/' . rawurlencode($id) . '/move',
    $log[0]['status'], $log[0]['prefer']]);
// The id still works: read it, move it back by well-known name.
show('readable by the returned id', $m->message($new)->subject);
show('back to the inbox', $m->move($new, 'inbox') === $id);
show('inbox again', in_array('Invoice 1', array_column($t->messagesIn(ADMIN, 'inbox'), 'subject'), true));
show('move to where it is', $m->move($id, 'inbox') === $id);
?>
--EXPECT--
returned the same (immutable) id: true
in Exported: ["Invoice 1"]
not in the Inbox: false
its REST id changed (what a client without ImmutableId would have kept): true
request: ["POST",true,201,"IdType=\"ImmutableId\""]
readable by the returned id: 'Invoice 1'
back to the inbox: true
inbox again: true
move to where it is: true

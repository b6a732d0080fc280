--TEST--
Control API: a person deletes a message (by REST, immutable or internetMessageId) or moves it (new REST id, same immutable id); deletes a folder for good with its subfolders and messages (well-known folders refused); Graph then answers 404
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/common.inc';
$t = MockTenant::start('basic');
$tok = appToken($t);
$u = $t->graph . '/users/' . rawurlencode(ADMIN);
$h = ["Authorization: Bearer $tok", 'Prefer: IdType="ImmutableId"'];
$inbox = $t->messagesIn(ADMIN, 'inbox');
$t->deleteMessage($inbox[0]['immutable_id']);
$t->deleteMessage($inbox[1]['id']);
$t->deleteMessage($inbox[2]['internet_message_id']);
show('deleted', [count($t->messagesIn(ADMIN, 'inbox')), $t->http('GET', "$u/messages/" . rawurlencode($inbox[0]['immutable_id']), $h)['status']]);
$t->deleteMessage($inbox[3]['immutable_id'], 'Inbox/Invoices');
$moved = $t->messagesIn(ADMIN, 'Inbox/Invoices');
show('moved', [count($moved), $moved[0]['immutable_id'] === $inbox[3]['immutable_id'], $moved[0]['id'] !== $inbox[3]['id'],
    $t->http('GET', "$u/messages/" . rawurlencode($inbox[3]['immutable_id']), $h)['status']]);
try {
    $t->deleteMessage($inbox[0]['immutable_id']);
} catch (RuntimeException $e) {
    show('unknown message', str_replace([rawurlencode($inbox[0]['immutable_id']), $inbox[0]['immutable_id']], 'ID', $e->getMessage()));
}

$t->addFolder(ADMIN, 'Sub', 'Inbox/Invoices');
$t->addMessage(ADMIN, ['folder' => 'Inbox/Invoices/Sub', 'subject' => 'deep']);
$invoicesId = array_values(array_filter($t->folderContents(ADMIN)['folders'], fn ($f) => $f['path'] === 'Inbox/Invoices'))[0]['id'];
show('folder delete', $t->deleteFolder(ADMIN, 'Inbox/Invoices'));
show('gone', [in_array('Inbox/Invoices', array_column($t->folderContents(ADMIN)['folders'], 'path'), true),
    $t->http('GET', "$u/mailFolders/" . rawurlencode($invoicesId), $h)['status']]);
show('by id', $t->deleteFolder(ADMIN, array_values(array_filter($t->folderContents(ADMIN)['folders'], fn ($f) => $f['path'] === 'Exported'))[0]['id']));
foreach (['Inbox', 'inbox', 'Nope'] as $name) {
    try {
        $t->deleteFolder(ADMIN, $name);
    } catch (RuntimeException $e) {
        show("delete $name", $e->getMessage());
    }
}
$t->addFolder(ADMIN, 'Exported');
show('recreated', in_array('Exported', array_column($t->folderContents(ADMIN)['folders'], 'path'), true));
?>
--EXPECT--
deleted: [2,404]
moved: [1,true,true,200]
unknown message: 'control DELETE messages/ID: HTTP 404 {"error":"unknown message \'ID\'"}'
folder delete: {"deleted_folders":3,"deleted_messages":2}
gone: [false,404]
by id: {"deleted_folders":1,"deleted_messages":0}
delete Inbox: 'control DELETE folders/admin%40contoso.example/Inbox: HTTP 400 {"error":"\'Inbox\' is a well-known folder and cannot be deleted"}'
delete inbox: 'control DELETE folders/admin%40contoso.example/inbox: HTTP 400 {"error":"\'Inbox\' is a well-known folder and cannot be deleted"}'
delete Nope: 'control DELETE folders/admin%40contoso.example/Nope: HTTP 400 {"error":"unknown folder \'Nope\'"}'
recreated: true

--TEST--
Mailbox::folders(): the whole tree with paths from display names and every Folder property; one $select'ed listing per parent
--SKIPIF--
<?php require __DIR__ . '/../skipif.inc'; require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/common.inc';
$t = mb_tenant('sample');
$m = mb_mailbox($t);
$s = mb_seq($t);
$folders = $m->folders();
show('list', array_is_list($folders));
show('classes', array_values(array_unique(array_map('get_class', $folders))));
show('paths', array_map(fn ($f) => $f->path, $folders));
$by = [];
foreach ($folders as $f) {
    $by[$f->path] = $f;
}
// Compare with what the mock holds.
$mock = [];
foreach ($t->folderContents(ADMIN)['folders'] as $f) {
    $mock[$f['path']] = $f;
}
$inbox = $by['Inbox'];
show('inbox', [$inbox->name, $inbox->totalCount, $inbox->unreadCount === count(array_filter($mock['Inbox']['messages'], fn ($x) => !$x['is_read'])),
    $inbox->childCount, $inbox->id === $mock['Inbox']['id']]);
show('Inbox/Invoices', [$by['Inbox/Invoices']->name, $by['Inbox/Invoices']->parentId === $inbox->id, $by['Inbox/Invoices']->childCount]);
show('Inbox/Invoices/2024', [$by['Inbox/Invoices/2024']->name, $by['Inbox/Invoices/2024']->parentId === $by['Inbox/Invoices']->id]);
$root = $mock['']['id'] ?? null;
foreach ($t->folderContents(ADMIN)['folders'] as $f) {
    if ($f['well_known'] === 'msgfolderroot') {
        $root = $f['id'];
    }
}
show('top level parent = msgfolderroot', array_values(array_unique(array_map(fn ($f) => $f->parentId === $root,
    array_filter($folders, fn ($f) => !str_contains($f->path, '/'))))));
show('ids = mock ids', array_values(array_unique(array_map(fn ($f) => isset($mock[$f->path]) && $mock[$f->path]['id'] === $f->id, $folders))));
show('hidden included', isset($by['Hidden Stuff']));
$log = mb_graph($t, $s);
show('requests', count($log));
$q = mb_query($log[0]['target']);
show('first', [parse_url($log[0]['target'], PHP_URL_PATH), $q]);
show('then childFolders of the 3 parents', array_map(fn ($r) => preg_replace('~^/v1\.0/me/mailFolders/[^/]+/~', '…/', parse_url($r['target'], PHP_URL_PATH)), array_slice($log, 1)));
show('same query', array_values(array_unique(array_map(fn ($r) => json_encode(mb_query($r['target'])), $log))) === [json_encode($q)]);
?>
--EXPECT--
list: true
classes: ["SqzGraph\\Folder"]
paths: ["Archive","Conversation Action Settings","Conversation History","Deleted Items","Drafts","Error","Exported","Hidden Stuff","Inbox","Inbox/Invoices","Inbox/Invoices/2024","Junk Email","Outbox","Sent Items","Sync Issues","Sync Issues/Conflicts","Sync Issues/Local Failures","Sync Issues/Server Failures","Unread invoices"]
inbox: ["Inbox",40,true,1,true]
Inbox/Invoices: ["Invoices",true,1]
Inbox/Invoices/2024: ["2024",true]
top level parent = msgfolderroot: [true]
ids = mock ids: [true]
hidden included: true
requests: 4
first: ["/v1.0/me/mailFolders",{"includeHiddenFolders":"true","$top":"250","$select":"id,displayName,parentFolderId,childFolderCount,totalItemCount,unreadItemCount,isHidden"}]
then childFolders of the 3 parents: ["…/childFolders","…/childFolders","…/childFolders"]
same query: true

--TEST--
Mailbox::resolveFolder(): a well-known name wins over display names, case-insensitively (German mailbox: inbox = Posteingang)
--SKIPIF--
<?php require __DIR__ . '/../skipif.inc'; require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/common.inc';
$t = mb_tenant('german');
// A top-level folder whose display name is "Inbox" must not be taken for the well-known inbox.
$t->addFolder(BUCHHALTUNG, 'Inbox', 'msgfolderroot');
$m = mb_german($t);
$ids = [];
foreach ($t->folderContents(BUCHHALTUNG)['folders'] as $f) {
    $ids[$f['path']] = $f['id'];
}
foreach (['inbox', 'INBOX', 'Inbox', 'sentitems', 'DeletedItems', 'drafts', 'junkemail'] as $spec) {
    $f = $m->resolveFolder($spec);
    printf("%-12s => %s (%s, id %s)\n", $spec, $f->path, $f->name, $f->id === ($ids[$f->path] ?? null) ? 'ok' : 'WRONG');
}
$f = $m->resolveFolder('inbox');
show('props', [get_class($f), $f->totalCount, $f->childCount, is_string($f->parentId)]);
show('the folder named Inbox is another one', $ids['Inbox'] !== $f->id);
$s = mb_seq($t);
$m->resolveFolder('inbox');
show('asks Graph for mailFolders/inbox', (bool) array_filter(mb_graph($t, $s),
    fn ($r) => parse_url($r['target'], PHP_URL_PATH) === '/v1.0/users/buchhaltung%40beispiel.example/mailFolders/inbox'));
?>
--EXPECT--
inbox        => Posteingang (Posteingang, id ok)
INBOX        => Posteingang (Posteingang, id ok)
Inbox        => Posteingang (Posteingang, id ok)
sentitems    => Gesendete Elemente (Gesendete Elemente, id ok)
DeletedItems => Gelöschte Elemente (Gelöschte Elemente, id ok)
drafts       => Entwürfe (Entwürfe, id ok)
junkemail    => Junk-E-Mail (Junk-E-Mail, id ok)
props: ["SqzGraph\\Folder",7,2,true]
the folder named Inbox is another one: true
asks Graph for mailFolders/inbox: true

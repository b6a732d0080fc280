--TEST--
Folder::$isHidden: folders() lists hidden folders, marked, and every folder below a hidden one as hidden too (Outlook shows none of them); the others are false; a bare-name search skips hidden folders, a path still reaches them; read-only
--SKIPIF--
<?php require __DIR__ . '/../skipif.inc'; require __DIR__ . '/../Mailbox/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/../Mailbox/common.inc';
$t = mb_tenant('basic');
$hidden = $t->addFolder(ADMIN, 'Vault', 'msgfolderroot', ['hidden' => true]);
$t->addFolder(ADMIN, 'Deep', $hidden['id']);
$t->addFolder(ADMIN, 'Visible');
$m = mb_mailbox($t);
$flags = [];
foreach ($m->folders() as $f) {
    $flags[$f->path] = $f->isHidden;
}
show('hidden', array_keys(array_filter($flags)));
show('visible ones are false', array_values(array_unique(array_filter($flags, fn ($v) => !$v))));
echo 'type: ', gettype($flags['Inbox']), "\n";
$e = mb_catch(fn () => $m->resolveFolder('Deep'));
echo 'Deep by name: ', get_class($e), ': ', $e->getMessage(), "\n";
$deep = $m->resolveFolder('Vault/Deep');
show('Vault/Deep by path', [$deep->path, $deep->isHidden]);
show('Visible by name', [$m->resolveFolder('Visible')->isHidden]);
try {
    $deep->isHidden = false;
} catch (Error $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
?>
--EXPECTF--
hidden: ["Conversation Action Settings","Hidden Stuff","Vault","Vault/Deep"]
visible ones are false: [false]
type: boolean
Deep by name: SqzGraph\FolderNotFoundException: %s
Vault/Deep by path: ["Vault/Deep",true]
Visible by name: [false]
Error: Cannot modify readonly property SqzGraph\Folder::$isHidden

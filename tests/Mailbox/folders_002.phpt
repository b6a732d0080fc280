--TEST--
Mailbox::folders(): follows @odata.nextLink through every page of mailFolders and of childFolders (> 250 folders per parent)
--SKIPIF--
<?php require __DIR__ . '/../skipif.inc'; require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/common.inc';
$seed = require __DIR__ . '/../mock-tenant/seeds/basic.php';
$user = &$seed['tenants'][0]['users'][0];
for ($i = 1; $i <= 255; $i++) {
    $user['folders'][] = ['name' => sprintf('Top %03d', $i)];
}
$user['folders'][] = ['name' => 'Bulk'];
for ($i = 1; $i <= 260; $i++) {
    $user['folders'][] = ['name' => sprintf('Child %03d', $i), 'parent' => 'Bulk'];
}
unset($user);
$t = mb_tenant($seed);
$m = mb_mailbox($t);
$s = mb_seq($t);
$paths = array_map(fn ($f) => $f->path, $m->folders());
show('total', count($paths));
show('top level', count(array_filter($paths, fn ($p) => !str_contains($p, '/'))));
show('Top 001..255', count(preg_grep('~^Top \d{3}$~', $paths)));
show('Bulk/Child 001..260', count(preg_grep('~^Bulk/Child \d{3}$~', $paths)));
show('last ones', [in_array('Top 255', $paths, true), in_array('Bulk/Child 260', $paths, true)]);
show('Bulk childCount', array_values(array_filter($m->folders(), fn ($f) => $f->path === 'Bulk'))[0]->childCount);
// The second page of each listing is the nextLink (the mock advances $skip by $top).
$pages = [];
foreach (mb_graph($t, $s) as $r) {
    $q = mb_query($r['target']);
    $kind = str_contains($r['target'], '/childFolders') ? 'childFolders' : 'mailFolders';
    $pages[] = $kind . ' $top=' . $q['$top'] . ' $skip=' . ($q['$skip'] ?? '-');
}
// The listings of one level of the tree go out together, in no fixed order: the kinds of pages, sorted.
$pages = array_values(array_unique($pages));
sort($pages);
show('pages', $pages);
?>
--EXPECT--
total: 535
top level: 270
Top 001..255: 255
Bulk/Child 001..260: 260
last ones: [true,true]
Bulk childCount: 260
pages: ["childFolders $top=250 $skip=-","childFolders $top=250 $skip=250","mailFolders $top=250 $skip=-","mailFolders $top=250 $skip=250"]

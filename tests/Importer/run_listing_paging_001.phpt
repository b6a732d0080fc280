--TEST--
Importer::run(): more than one page (1010 messages, max_messages 1010, pages of 1000 — Graph's largest $top) — moving mail out of the Inbox while paging with $skip would skip the oldest remaining ones; the next page starts after the listed messages still in the Inbox, so one run takes all 1010, oldest first
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/common.inc';
$messages = [];
for ($i = 1; $i <= 1010; $i++) {
    $messages[] = ['subject' => sprintf('Mail %04d', $i), 'received' => strtotime('2024-03-01T00:00:00Z') + 60 * $i];
}
$f = im_start(['tenants' => [(require __DIR__ . '/../mock-tenant/seeds/_contoso.php')($messages)]]);
$since = im_seq($f);
$r = im_importer($f, ['max_messages' => 1010])->run(im_handler($f, ['save_mime' => false, 'fail' => ['Mail 0005' => 'retry', 'Mail 0010' => 'false', 'Mail 1005' => 'retry']]));
im_report($f, $r, false);
$done = array_map(fn ($i) => $f->labels[$i['id']], array_values(array_filter($r->items, fn ($i) => $i['outcome'] !== 'deferred')));
$sorted = $done;
sort($sorted);
echo 'imported/failed in received order: ', json_encode($done === $sorted), ', first ', $done[0], ', last ', end($done), "\n";
// The Inbox's pages ($orderby receivedDateTime); the checks of where the moved messages are (a listing of the Inbox
// over a set's receivedDateTime span each, no $orderby) are counted apart: page 1 is 10 windows of 100, the moves of
// windows 1-8 go to the worker with the fetches ahead of windows 3-10 (8 sets), those of windows 9 and 10 fill the
// queue of 200 during window 10 (1 set, before page 2 is listed), page 2's 9 at the end of the run (1 set).
$listings = array_values(array_filter($f->t->requests($since), fn ($x) => preg_match('~/mailFolders/[^/]+/messages\?~', $x['target'])));
$located = array_filter($listings, fn ($x) => im_is_location_listing($x['target']));
$pages = array_values(array_filter($listings, fn ($x) => !im_is_location_listing($x['target']) && isset(mb_query($x['target'])['$orderby'])));
echo 'listings: ', json_encode(array_map(fn ($x) => ['$top' => mb_query($x['target'])['$top'] ?? null, '$skip' => mb_query($x['target'])['$skip'] ?? null],
    $pages)), "\n";
$members = array_merge(...array_map(fn ($x) => $x['members'], $f->t->requests($since)));
echo 'location listings: ', count($located), ', other listings: ', count($listings) - count($located) - count($pages),
    ', location GETs in $batches: ', count(array_filter($members, fn ($m) => str_contains(rawurldecode($m['target']), 'parentFolderId'))), "\n";
echo 'Inbox: ', implode(', ', array_map(fn ($m) => $f->labels[$m['immutable_id']], $f->t->messagesIn(IM_ADMIN, 'inbox'))), "\n";
echo 'Exported: ', count($f->t->messagesIn(IM_ADMIN, 'Exported')), ', Error: ', count($f->t->messagesIn(IM_ADMIN, 'Error')), "\n";
echo 'handler calls: ', count(im_calls($f)), "\n";

function mb_query(string $target): array
{
    parse_str(str_replace(['%24', '$'], ['_D_', '_D_'], (string) parse_url($target, PHP_URL_QUERY)), $q);
    $out = [];
    foreach ($q as $k => $v) {
        $out[str_replace('_D_', '$', $k)] = $v;
    }
    return $out;
}
?>
--EXPECT--
imported=1007 failed=1 deferred=2 vanished=0 resumed=0 locked=false aborted=NULL
imported/failed in received order: true, first Mail 0001, last Mail 1010
listings: [{"$top":"1000","$skip":null},{"$top":"1000","$skip":"1"}]
location listings: 10, other listings: 0, location GETs in $batches: 0
Inbox: Mail 0005, Mail 1005
Exported: 1007, Error: 1
handler calls: 1010

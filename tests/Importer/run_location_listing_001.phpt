--TEST--
Importer::run(): where the imported messages are is asked with one listing of the Inbox over their receivedDateTime span (not a GET each); a tenant that refuses that filter (400 InefficientFilter) gets a GET per message instead and every message is still moved once; a 503 on the listing defers the set's moves (journal kept) and the next run finishes them without calling the handler again
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/common.inc';
$f = im_start('basic');
$since = im_seq($f);
$r = im_importer($f)->run(im_handler($f, ['fail' => ['No attachment' => 'false']]));
im_report($f, $r, false);
$listings = array_values(array_filter($f->t->requests($since), fn ($x) => im_is_location_listing($x['target'])));
echo 'location listings: ', count($listings), "\n";
parse_str(parse_url($listings[0]['target'], PHP_URL_QUERY), $q);
echo 'its query: $filter=', $q['$filter'], ' $select=', $q['$select'], ' $top=', $q['$top'], "\n";
echo 'location GETs in $batches: ', count(array_filter(im_requests($f, $since), fn ($l) => preg_match('~\[GET /messages/\{[^}]+\} -> ~', $l))), "\n";
im_where($f, true);

echo "--- a tenant that refuses the filter\n";
$f = im_start('basic');
$f->t->fault(['method' => 'GET', 'path' => 'messages\?\$filter=receivedDateTime', 'status' => 400,
    'body' => ['error' => ['code' => 'InefficientFilter', 'message' => 'The restriction or sort order is too complex for this operation.']]]);
$since = im_seq($f);
$r = im_importer($f)->run(im_handler($f, ['fail' => ['No attachment' => 'false']]));
im_report($f, $r, false);
im_show_requests($f, $since);
im_where($f, true);

echo "--- the listing answers 503\n";
$f = im_start('basic');
$f->t->fault(['method' => 'GET', 'path' => 'messages\?\$filter=receivedDateTime', 'status' => 503, 'retry_after' => '0']);
$im = im_importer($f, [], null, null, ['max_retries' => 1]);
$r = $im->run(im_handler($f));
im_report($f, $r, false);
foreach (array_unique(array_map(fn ($i) => $i['reason'], $r->items)) as $reason) {
    echo 'reason: ', preg_replace(['~/mailFolders/[^/]+/~', '~request-id [^)]+~'], ['/mailFolders/{inbox}/', 'request-id RID'], $reason), "\n";
}
im_show_journal($f);
$f->t->clearFaults();
im_clear_calls($f);
$r = $im->run(im_handler($f));
im_report($f, $r, false);
im_show_calls($f);
im_where($f, true);
im_show_journal($f);
?>
--EXPECT--
imported=4 failed=1 deferred=0 vanished=0 resumed=0 locked=false aborted=NULL
location listings: 1
its query: $filter=receivedDateTime ge 2024-01-05T10:01:00Z and receivedDateTime lt 2024-01-05T10:05:01Z $select=id,categories $top=1000
location GETs in $batches: 0
Inbox: 
Exported: Invoice 1, Invoice 2, Invoice 3, fixture
Error: No attachment ["Import failed: handler_returned_false"]
--- a tenant that refuses the filter
imported=4 failed=1 deferred=0 vanished=0 resumed=0 locked=false aborted=NULL
requests:
  GET /mailFolders -> 200
  GET /mailFolders/*/childFolders -> 200
  GET /mailFolders/*/childFolders -> 200
  GET /mailFolders/*/childFolders -> 200
  GET /mailFolders/Inbox -> 200
  GET /mailFolders/*/messages -> 200
  POST /$batch -> 200 [GET /messages/{Invoice 1}/$value -> 200; GET /messages/{Invoice 1}/attachments -> 200; GET /messages/{Invoice 2}/$value -> 200; GET /messages/{Invoice 2}/attachments -> 200; GET /messages/{Invoice 3}/$value -> 200; GET /messages/{Invoice 3}/attachments -> 200; GET /messages/{No attachment}/$value -> 200; GET /messages/{No attachment}/attachments -> 200; GET /messages/{fixture}/$value -> 200; GET /messages/{fixture}/attachments -> 200]
  GET /mailFolders/*/messages ($filter=receivedDateTime: where they are) -> 400
  POST /$batch -> 200 [GET /messages/{Invoice 1} -> 200; GET /messages/{Invoice 2} -> 200; GET /messages/{Invoice 3} -> 200; GET /messages/{No attachment} -> 200; GET /messages/{fixture} -> 200]
  POST /$batch -> 200 [PATCH /messages/{No attachment} -> 200]
  POST /$batch -> 200 [POST /messages/{Invoice 1}/move -> 201; POST /messages/{Invoice 2}/move -> 201; POST /messages/{Invoice 3}/move -> 201; POST /messages/{No attachment}/move -> 201; POST /messages/{fixture}/move -> 201]
Inbox: 
Exported: Invoice 1, Invoice 2, Invoice 3, fixture
Error: No attachment ["Import failed: handler_returned_false"]
--- the listing answers 503
imported=0 failed=0 deferred=5 vanished=0 resumed=0 locked=false aborted='unavailable'
reason: move pending: could not check where the message is: gave up after 2 attempts: Graph GET /me/mailFolders/{inbox}/messages failed: HTTP 503 serviceNotAvailable: The service is temporarily unavailable. Please retry after a delay. — Microsoft Graph is temporarily unavailable; the job retries later (request-id RID)
journal: ["Invoice 1: imported/1","Invoice 2: imported/1","Invoice 3: imported/1","No attachment: imported/1","fixture: imported/1"]
imported=0 failed=0 deferred=0 vanished=0 resumed=5 locked=false aborted=NULL
handler calls:
Inbox: 
Exported: Invoice 1, Invoice 2, Invoice 3, No attachment, fixture
Error: 
journal: []
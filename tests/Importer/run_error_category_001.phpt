--TEST--
Importer::run(): error_category — the Outlook category "<error_category>: <reason>" on Error mail keeps a person's categories, replaces an earlier verdict, stays within 255 bytes of valid UTF-8, is best effort (a PATCH that fails is a warning, the move still happens); null sets none
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/common.inc';
$f = im_start(['tenants' => [(require __DIR__ . '/../mock-tenant/seeds/_contoso.php')([])]]);
im_add($f, 'Blue and old verdict', ['categories' => ['Blue category', 'Squeeze: missing_attachments', 'Squeeze export']]);
im_add($f, 'Long reason');
im_add($f, 'Categories unwritable', ['categories' => ['Red category']]);
im_add($f, 'Imported', ['categories' => ['Green category']]);
$f->t->fault(['method' => 'PATCH', 'path' => preg_quote(rawurlencode(im_id($f, 'Categories unwritable')), '~') . '$', 'status' => 400, 'batch_member' => true]);
$warnings = [];
$logger = function (string $level, string $message) use (&$warnings) {
    if (str_starts_with($message, 'could not')) {
        $warnings[] = "$level $message";
    }
};
$euro = str_repeat('€', 100);    // 3 bytes each: a cut at 255 bytes would split one
$r = im_importer($f, ['error_category' => 'Squeeze'], $logger)->run(im_handler($f, ['before' => [
    'Long reason' => fn () => throw new LengthException($euro),
], 'fail' => ['Blue and old verdict' => 'false', 'Categories unwritable' => 'false']]));
im_report($f, $r, false);
im_where($f, true);
echo "warnings: ", json_encode($warnings), "\n";
foreach ($f->t->messagesIn(IM_ADMIN, 'Error') as $m) {
    if ($f->labels[$m['immutable_id']] === 'Long reason') {
        $c = $m['categories'][0];
        echo 'long: ', strlen($c), ' bytes, valid UTF-8: ', json_encode(preg_match('//u', $c) === 1), ', ',
            json_encode($c === 'Squeeze: handler_error: LengthException: ' . str_repeat('€', substr_count($c, '€'))), ', ',
            substr_count($c, '€'), " euro signs\n";
    }
}

echo "--- error_category null: no category, no request for one\n";
$f->t->clearFaults();
im_add($f, 'Fails without category', ['categories' => ['Yellow category']]);
$since = im_seq($f);
$r = im_importer($f, ['error_category' => null])->run(im_handler($f, ['fail' => ['Fails without category' => 'false']]));
im_report($f, $r);
im_show_requests($f, $since);
im_where($f, true);
?>
--EXPECT--
imported=1 failed=3 deferred=0 vanished=0 resumed=0 locked=false aborted=NULL
Inbox: 
Exported: Imported ["Green category"]
Error: Blue and old verdict ["Blue category","Squeeze export","Squeeze: handler_returned_false"], Long reason ["Squeeze: handler_error: LengthException: €€€€€€€€€… (254 bytes)"], Categories unwritable ["Red category"]
warnings: ["warning could not set the message's Outlook categories"]
long: 254 bytes, valid UTF-8: true, true, 71 euro signs
--- error_category null: no category, no request for one
imported=0 failed=1 deferred=0 vanished=0 resumed=0 locked=false aborted=NULL
  Fails without category: failed (handler_returned_false)
requests:
  GET /mailFolders -> 200
  GET /mailFolders/*/childFolders -> 200
  GET /mailFolders/*/childFolders -> 200
  GET /mailFolders/*/childFolders -> 200
  GET /mailFolders/Inbox -> 200
  GET /mailFolders/*/messages -> 200
  POST /$batch -> 200 [GET /messages/{Fails without category}/$value -> 200; GET /messages/{Fails without category}/attachments -> 200]
  POST /$batch -> 200 [GET /messages/{Fails without category} -> 200]
  POST /$batch -> 200 [POST /messages/{Fails without category}/move -> 201]
Inbox: 
Exported: Imported ["Green category"]
Error: Blue and old verdict ["Blue category","Squeeze export","Squeeze: handler_returned_false"], Long reason ["Squeeze: handler_error: LengthException: €€€€€€€€€… (254 bytes)"], Categories unwritable ["Red category"], Fails without category ["Yellow category"]

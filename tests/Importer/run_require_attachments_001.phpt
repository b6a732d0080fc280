--TEST--
Importer::run(): require_attachments with attachment_types (MIME types, wildcards, extensions) and include_inline; no qualifying attachment → Error, reason missing_attachments, handler not called
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/common.inc';
$f = im_start(['tenants' => [(require __DIR__ . '/../mock-tenant/seeds/_contoso.php')([])]]);   // an empty Inbox
$pdf = ['name' => 'scan.PDF', 'content_type' => 'application/pdf', 'size' => 900];
im_add($f, 'PDF', ['attachments' => [$pdf]]);
im_add($f, 'Inline PNG only', ['attachments' => [['name' => 'logo.png', 'content_type' => 'image/png', 'size' => 300, 'inline' => true, 'content_id' => 'logo1']]]);
im_add($f, 'Word document', ['attachments' => [['name' => 'offer.docx', 'content_type' => 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'size' => 500]]]);
im_add($f, 'Reference only', ['attachments' => [['kind' => 'reference', 'name' => 'big.pdf', 'url' => 'https://contoso.sharepoint.example/big.pdf']]]);
im_add($f, 'Attached e-mail', ['attachments' => [['kind' => 'item', 'subject' => 'Forwarded invoice']]]);
im_add($f, 'JPEG', ['attachments' => [['name' => 'photo.jpg', 'content_type' => 'image/jpeg', 'size' => 700]]]);
im_add($f, 'Tiff by extension', ['attachments' => [['name' => 'fax.TIF', 'content_type' => 'application/octet-stream', 'size' => 400]]]);
im_add($f, 'No attachment');

echo "--- require_attachments, any type\n";
$r = im_importer($f, ['require_attachments' => true, 'max_messages' => 1])->run(im_handler($f));
im_report($f, $r);

echo "--- types application/pdf, image/*, .tif\n";
$since = im_seq($f);
$r = im_importer($f, ['require_attachments' => true, 'attachment_types' => ['application/pdf', 'image/*', '.tif', 'TXT']])->run(im_handler($f));
im_report($f, $r);
im_where($f, true);
im_show_calls($f);
echo 'attachment listings: ', json_encode(array_values(array_filter(im_requests($f, $since), fn ($l) => str_contains($l, '/attachments')))), "\n";

echo "--- include_inline, type png (only the inline image qualifies), Error mail moved back by hand first\n";
foreach ($f->t->messagesIn(IM_ADMIN, 'Error') as $m) {
    $f->t->deleteMessage($m['immutable_id'], 'Inbox');
}
im_clear_calls($f);
$r = im_importer($f, ['require_attachments' => true, 'include_inline' => true, 'attachment_types' => ['png']])->run(im_handler($f));
im_report($f, $r);
im_where($f, true);
im_show_calls($f);

echo "--- without require_attachments everything goes to the handler; imported mail loses the verdict of an earlier run\n";
foreach ($f->t->messagesIn(IM_ADMIN, 'Error') as $m) {
    $f->t->deleteMessage($m['immutable_id'], 'Inbox');
}
im_clear_calls($f);
$r = im_importer($f, ['attachment_types' => ['png']])->run(im_handler($f));
im_report($f, $r, false);
im_where($f, true);
?>
--EXPECT--
--- require_attachments, any type
imported=1 failed=0 deferred=0 vanished=0 resumed=0 locked=false aborted=NULL
  PDF: imported
--- types application/pdf, image/*, .tif
imported=2 failed=5 deferred=0 vanished=0 resumed=0 locked=false aborted=NULL
  Inline PNG only: failed (missing_attachments)
  Word document: failed (missing_attachments)
  Reference only: failed (missing_attachments)
  Attached e-mail: failed (missing_attachments)
  JPEG: imported
  Tiff by extension: imported
  No attachment: failed (missing_attachments)
Inbox: 
Exported: PDF, JPEG, Tiff by extension
Error: Inline PNG only ["Import failed: missing_attachments"], Word document ["Import failed: missing_attachments"], Reference only ["Import failed: missing_attachments"], Attached e-mail ["Import failed: missing_attachments"], No attachment ["Import failed: missing_attachments"]
handler calls:
  PDF start=1 done=1
  JPEG start=1 done=1
  Tiff by extension start=1 done=1
attachment listings: ["POST \/$batch -> 200 [GET \/messages\/{Attached e-mail}\/$value -> 200; GET \/messages\/{Attached e-mail}\/attachments -> 200; GET \/messages\/{JPEG}\/$value -> 200; GET \/messages\/{JPEG}\/attachments -> 200; GET \/messages\/{Reference only}\/$value -> 200; GET \/messages\/{Reference only}\/attachments -> 200; GET \/messages\/{Tiff by extension}\/$value -> 200; GET \/messages\/{Tiff by extension}\/attachments -> 200; GET \/messages\/{Word document}\/$value -> 200; GET \/messages\/{Word document}\/attachments -> 200]"]
--- include_inline, type png (only the inline image qualifies), Error mail moved back by hand first
imported=1 failed=4 deferred=0 vanished=0 resumed=0 locked=false aborted=NULL
  Inline PNG only: imported
  Word document: failed (missing_attachments)
  Reference only: failed (missing_attachments)
  Attached e-mail: failed (missing_attachments)
  No attachment: failed (missing_attachments)
Inbox: 
Exported: PDF, Inline PNG only, JPEG, Tiff by extension
Error: Word document ["Import failed: missing_attachments"], Reference only ["Import failed: missing_attachments"], Attached e-mail ["Import failed: missing_attachments"], No attachment ["Import failed: missing_attachments"]
handler calls:
  Inline PNG only start=1 done=1
--- without require_attachments everything goes to the handler; imported mail loses the verdict of an earlier run
imported=4 failed=0 deferred=0 vanished=0 resumed=0 locked=false aborted=NULL
Inbox: 
Exported: PDF, Inline PNG only, Word document, Reference only, Attached e-mail, JPEG, Tiff by extension, No attachment
Error: 

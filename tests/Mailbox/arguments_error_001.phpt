--TEST--
Mailbox: an empty id or one with a NUL byte is refused before any request (it would address another resource)
--SKIPIF--
<?php require __DIR__ . '/../skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/common.inc';
$config = new SqzGraph\Config(['flow' => 'client_credentials', 'tenant_id' => TENANT, 'client_id' => CLIENT,
    'client_secret' => SECRET, 'mailbox' => ADMIN, 'authority' => 'http://127.0.0.1:9', 'graph_endpoint' => 'http://127.0.0.1:9/v1.0']);
$m = new SqzGraph\Mailbox(new SqzGraph\Authenticator($config, new SqzGraph\FileStore(mb_tmp() . '/s')));
$mem = fopen('php://memory', 'w+');
$calls = [
    'message' => fn ($x) => $m->message($x),
    'messages' => fn ($x) => $m->messages($x),
    'saveMime' => fn ($x) => $m->saveMime($x, $mem),
    'attachments' => fn ($x) => $m->attachments($x),
    'saveAttachment #1' => fn ($x) => $m->saveAttachment($x, 'A', $mem),
    'saveAttachment #2' => fn ($x) => $m->saveAttachment('M', $x, $mem),
    'move #1' => fn ($x) => $m->move($x, 'inbox'),
    'move #2' => fn ($x) => $m->move('M', $x),
    'moveMany #1' => fn ($x) => $m->moveMany(['M', $x], 'inbox'),
    'moveMany #2' => fn ($x) => $m->moveMany(['M'], $x),
];
foreach ($calls as $label => $fn) {
    foreach (['', "AA\0BB"] as $bad) {
        $e = mb_catch(fn () => $fn($bad));
        echo $label, ' ', json_encode($bad), ': ', get_class($e), ': ', $e->getMessage(), "\n";
    }
}
echo get_class(mb_catch(fn () => $m->moveMany(['M', 5], 'inbox'))), "\n";
?>
--EXPECT--
message "": ValueError: SqzGraph\Mailbox::message(): Argument #1 ($id) must be a non-empty message id without NUL bytes
message "AA\u0000BB": ValueError: SqzGraph\Mailbox::message(): Argument #1 ($id) must be a non-empty message id without NUL bytes
messages "": ValueError: SqzGraph\Mailbox::messages(): Argument #1 ($folderId) must be a non-empty folder id without NUL bytes
messages "AA\u0000BB": ValueError: SqzGraph\Mailbox::messages(): Argument #1 ($folderId) must be a non-empty folder id without NUL bytes
saveMime "": ValueError: SqzGraph\Mailbox::saveMime(): Argument #1 ($messageId) must be a non-empty message id without NUL bytes
saveMime "AA\u0000BB": ValueError: SqzGraph\Mailbox::saveMime(): Argument #1 ($messageId) must be a non-empty message id without NUL bytes
attachments "": ValueError: SqzGraph\Mailbox::attachments(): Argument #1 ($messageId) must be a non-empty message id without NUL bytes
attachments "AA\u0000BB": ValueError: SqzGraph\Mailbox::attachments(): Argument #1 ($messageId) must be a non-empty message id without NUL bytes
saveAttachment #1 "": ValueError: SqzGraph\Mailbox::saveAttachment(): Argument #1 ($messageId) must be a non-empty message id without NUL bytes
saveAttachment #1 "AA\u0000BB": ValueError: SqzGraph\Mailbox::saveAttachment(): Argument #1 ($messageId) must be a non-empty message id without NUL bytes
saveAttachment #2 "": ValueError: SqzGraph\Mailbox::saveAttachment(): Argument #2 ($attachmentId) must be a non-empty attachment id without NUL bytes
saveAttachment #2 "AA\u0000BB": ValueError: SqzGraph\Mailbox::saveAttachment(): Argument #2 ($attachmentId) must be a non-empty attachment id without NUL bytes
move #1 "": ValueError: SqzGraph\Mailbox::move(): Argument #1 ($messageId) must be a non-empty message id without NUL bytes
move #1 "AA\u0000BB": ValueError: SqzGraph\Mailbox::move(): Argument #1 ($messageId) must be a non-empty message id without NUL bytes
move #2 "": ValueError: SqzGraph\Mailbox::move(): Argument #2 ($folderId) must be a non-empty folder id without NUL bytes
move #2 "AA\u0000BB": ValueError: SqzGraph\Mailbox::move(): Argument #2 ($folderId) must be a non-empty folder id without NUL bytes
moveMany #1 "": TypeError: SqzGraph\Mailbox::moveMany(): Argument #1 ($messageIds) must be a list of non-empty message id strings
moveMany #1 "AA\u0000BB": TypeError: SqzGraph\Mailbox::moveMany(): Argument #1 ($messageIds) must be a list of non-empty message id strings
moveMany #2 "": ValueError: SqzGraph\Mailbox::moveMany(): Argument #2 ($folderId) must be a non-empty folder id without NUL bytes
moveMany #2 "AA\u0000BB": ValueError: SqzGraph\Mailbox::moveMany(): Argument #2 ($folderId) must be a non-empty folder id without NUL bytes
TypeError

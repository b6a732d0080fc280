--TEST--
Writing to a path never clobbers what is there: a regular file is replaced whole and keeps its mode (a 0600 message stays 0600); /dev/null, a FIFO, a symbolic link, a file with other hard links and a directory are refused with a StoreException saying what is there — for saveMime(), saveAttachment() and Attachment::save() — and are left exactly as they were
--SKIPIF--
<?php require __DIR__ . '/../skipif.inc'; require __DIR__ . '/skipif.inc';
if (!function_exists('posix_mkfifo')) die('skip posix_mkfifo() needed'); ?>
--FILE--
<?php
require __DIR__ . '/common.inc';
$t = mb_tenant('basic');
$m = mb_mailbox($t);
$id = mb_id($t, 'Invoice 1');
$att = $m->attachments($id)[0];
$d = mb_tmp();
umask(022);
file_put_contents("$d/private.eml", 'old');
chmod("$d/private.eml", 0600);
file_put_contents("$d/shared.pdf", 'old');
chmod("$d/shared.pdf", 0640);
posix_mkfifo("$d/fifo", 0600);
file_put_contents("$d/real.eml", 'the real one');
symlink("$d/real.eml", "$d/link.eml");
file_put_contents("$d/hard1", 'linked');
link("$d/hard1", "$d/hard2");
mkdir("$d/dir");
$writers = [
    'saveMime' => fn ($p) => $m->saveMime($id, $p),
    'saveAttachment' => fn ($p) => $m->saveAttachment($id, $att->id, $p),
    'Attachment::save' => fn ($p) => $att->save($p),
];
$n = $m->saveMime($id, "$d/private.eml");
printf("private.eml replaced: %s, mode %o\n", json_encode(filesize("$d/private.eml") === $n && $n > 100), fileperms("$d/private.eml") & 0777);
$n = $att->save("$d/shared.pdf");
printf("shared.pdf replaced: %s, mode %o\n", json_encode(filesize("$d/shared.pdf") === $n), fileperms("$d/shared.pdf") & 0777);
$n = $m->saveMime($id, "$d/new.eml");
printf("new.eml: mode %o (0666 & ~umask)\n", fileperms("$d/new.eml") & 0777);
foreach (['/dev/null', "$d/fifo", "$d/link.eml", "$d/hard1", "$d/dir"] as $target) {
    foreach ($writers as $how => $write) {
        $e = mb_catch(fn () => $write($target));
        echo str_pad($how, 17), get_class($e), ': ', str_replace($d, 'DIR', $e->getMessage()), "\n";
    }
}
clearstatcache();
echo 'left as they were: ', json_encode([filetype('/dev/null'), filetype("$d/fifo"), is_link("$d/link.eml"),
    file_get_contents("$d/real.eml"), file_get_contents("$d/hard2"), fileinode("$d/hard1") === fileinode("$d/hard2"), is_dir("$d/dir")]), "\n";
echo 'no temporary files: ', json_encode(array_values(preg_grep('/\.part$/', scandir($d)))), "\n";
?>
--EXPECT--
private.eml replaced: true, mode 600
shared.pdf replaced: true, mode 640
new.eml: mode 644 (0666 & ~umask)
saveMime         SqzGraph\StoreException: the target /dev/null is a device (to write there, open it and pass the stream); nothing was written
saveAttachment   SqzGraph\StoreException: the target /dev/null is a device (to write there, open it and pass the stream); nothing was written
Attachment::save SqzGraph\StoreException: the target /dev/null is a device (to write there, open it and pass the stream); nothing was written
saveMime         SqzGraph\StoreException: the target DIR/fifo is a FIFO (to write there, open it and pass the stream); nothing was written
saveAttachment   SqzGraph\StoreException: the target DIR/fifo is a FIFO (to write there, open it and pass the stream); nothing was written
Attachment::save SqzGraph\StoreException: the target DIR/fifo is a FIFO (to write there, open it and pass the stream); nothing was written
saveMime         SqzGraph\StoreException: the target DIR/link.eml is a symbolic link (give the path of the file itself); nothing was written
saveAttachment   SqzGraph\StoreException: the target DIR/link.eml is a symbolic link (give the path of the file itself); nothing was written
Attachment::save SqzGraph\StoreException: the target DIR/link.eml is a symbolic link (give the path of the file itself); nothing was written
saveMime         SqzGraph\StoreException: the target DIR/hard1 is a file with other hard links (replacing it would split them; remove it first or choose another path); nothing was written
saveAttachment   SqzGraph\StoreException: the target DIR/hard1 is a file with other hard links (replacing it would split them; remove it first or choose another path); nothing was written
Attachment::save SqzGraph\StoreException: the target DIR/hard1 is a file with other hard links (replacing it would split them; remove it first or choose another path); nothing was written
saveMime         SqzGraph\StoreException: the target DIR/dir is a directory (give a file name inside it); nothing was written
saveAttachment   SqzGraph\StoreException: the target DIR/dir is a directory (give a file name inside it); nothing was written
Attachment::save SqzGraph\StoreException: the target DIR/dir is a directory (give a file name inside it); nothing was written
left as they were: ["char","fifo",true,"the real one","linked",true,true]
no temporary files: []

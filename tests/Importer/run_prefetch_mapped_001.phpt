--TEST--
Importer::run(): a message fetched ahead whose MIME is over 1 MiB (read by mapping the window's file, not into memory, when its attachments are found in it) gives its handler the same attachment bytes, from the prefetch, with no request of its own
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/prefetch.inc';
$f = im_start('basic', ['max_retries' => 1]);
$binary = random_bytes(60000) . "\r\n\0\xff";
im_add($f, 'Large', ['attachments' => [['name' => 'scan.pdf', 'content_type' => 'application/pdf', 'content_base64' => base64_encode($binary)]],
    'pad_to' => 3 << 19]);
$since = im_seq($f);
$r = im_importer($f)->run(pf_handler($f));
im_report($f, $r, false);
$g = pf_graph($f, $since);
echo 'requests outside a $batch for a message: ', json_encode(array_values(array_map(fn ($x) => im_path($f, $x['target']),
    array_filter($g, fn ($x) => $x['members'] === [] && str_contains($x['target'], '/messages/'))))), "\n";
$mime = file_get_contents("{$f->dir}/out/Large/message.eml");
printf("MIME: %.1f MiB\n", strlen($mime) / (1 << 20));
echo 'attachment is the original: ', json_encode(file_get_contents("{$f->dir}/out/Large/scan.pdf") === $binary), "\n";
?>
--EXPECT--
imported=6 failed=0 deferred=0 vanished=0 resumed=0 locked=false aborted=NULL
requests outside a $batch for a message: []
MIME: 1.6 MiB
attachment is the original: true
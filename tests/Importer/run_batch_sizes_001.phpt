--TEST--
Importer::run(): the MIME and attachments are fetched ahead in $batch requests (40 messages = 4 batches of 20 in flight at once); moves go out in parallel $batch requests of at most 20 members (a listing of the Inbox (receivedDateTime span) asking where they are, then one round moving them): 45 messages, 16 requests in all
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/common.inc';
$f = im_start('basic');
for ($i = 1; $i <= 40; $i++) {
    im_add($f, sprintf('Bulk %02d', $i));
}
$since = im_seq($f);
$r = im_importer($f)->run(im_handler($f, ['save_mime' => false, 'fail' => ['Bulk 07' => 'false']]));
im_report($f, $r, false);
$requests = array_values(array_filter($f->t->requests($since), fn ($x) => str_starts_with($x['target'], '/v1.0/')));
echo 'requests: ', count($requests), ' for ', count($r->items), " messages\n";
$lines = [];
foreach ($requests as $x) {
    $line = "{$x['method']} " . im_path($f, $x['target'])
        . (im_is_location_listing($x['target']) ? ' ($filter=receivedDateTime: where they are)' : '')
        . " -> {$x['status']}";
    $group = $line;
    if ($x['members'] !== []) {
        $kinds = array_count_values(array_map(fn ($m) => $m['method'] . ' ' . preg_replace('~\{[^}]+\}~', '{id}', im_path($f, $m['target']))
            . ' -> ' . $m['status'], $x['members']));
        $line .= ': ' . count($x['members']) . ' members ' . json_encode($kinds, JSON_UNESCAPED_SLASHES);
        $group .= ' ' . implode(',', array_keys($kinds));
    }
    // Batches of one round are in flight together and finish in any order: sort within a round.
    $n = count($lines);
    if ($n > 0 && $lines[$n - 1][0] === $group && $x['members'] !== []) {
        $lines[$n - 1][1][] = $line;
    } else {
        $lines[] = [$group, [$line]];
    }
}
$printed = [];
foreach ($lines as [, $round]) {
    rsort($round, SORT_NATURAL);
    array_push($printed, ...$round);
}
foreach (im_sort_folder_walk($printed) as $line) {
    echo "  $line\n";
}
$where = array_map(fn ($x) => count($x['messages']), array_column($f->t->folderContents(IM_ADMIN)['folders'], null, 'path'));
echo "Inbox {$where['Inbox']}, Exported {$where['Exported']}, Error {$where['Error']}\n";
im_where($f);
?>
--EXPECT--
imported=44 failed=1 deferred=0 vanished=0 resumed=0 locked=false aborted=NULL
requests: 16 for 45 messages
  GET /mailFolders -> 200
  GET /mailFolders/*/childFolders -> 200
  GET /mailFolders/*/childFolders -> 200
  GET /mailFolders/*/childFolders -> 200
  GET /mailFolders/Inbox -> 200
  GET /mailFolders/*/messages -> 200
  POST /$batch -> 200: 20 members {"GET /messages/{id}/$value -> 200":10,"GET /messages/{id}/attachments -> 200":10}
  POST /$batch -> 200: 20 members {"GET /messages/{id}/$value -> 200":10,"GET /messages/{id}/attachments -> 200":10}
  POST /$batch -> 200: 20 members {"GET /messages/{id}/$value -> 200":10,"GET /messages/{id}/attachments -> 200":10}
  POST /$batch -> 200: 20 members {"GET /messages/{id}/$value -> 200":10,"GET /messages/{id}/attachments -> 200":10}
  POST /$batch -> 200: 10 members {"GET /messages/{id}/$value -> 200":5,"GET /messages/{id}/attachments -> 200":5}
  GET /mailFolders/*/messages ($filter=receivedDateTime: where they are) -> 200
  POST /$batch -> 200: 1 members {"PATCH /messages/{id} -> 200":1}
  POST /$batch -> 200: 20 members {"POST /messages/{id}/move -> 201":20}
  POST /$batch -> 200: 20 members {"POST /messages/{id}/move -> 201":20}
  POST /$batch -> 200: 5 members {"POST /messages/{id}/move -> 201":5}
Inbox 0, Exported 44, Error 1
Inbox: 
Exported: Invoice 1, Invoice 2, Invoice 3, No attachment, fixture, Bulk 01, Bulk 02, Bulk 03, Bulk 04, Bulk 05, Bulk 06, Bulk 08, Bulk 09, Bulk 10, Bulk 11, Bulk 12, Bulk 13, Bulk 14, Bulk 15, Bulk 16, Bulk 17, Bulk 18, Bulk 19, Bulk 20, Bulk 21, Bulk 22, Bulk 23, Bulk 24, Bulk 25, Bulk 26, Bulk 27, Bulk 28, Bulk 29, Bulk 30, Bulk 31, Bulk 32, Bulk 33, Bulk 34, Bulk 35, Bulk 36, Bulk 37, Bulk 38, Bulk 39, Bulk 40
Error: Bulk 07

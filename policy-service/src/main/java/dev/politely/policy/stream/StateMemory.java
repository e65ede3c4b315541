package dev.politely.policy.stream;

import java.util.Map;

import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

/**
 * Bounds the off-heap memory of every RocksDB store of this process: one LRU block cache
 * of {@code politely.rocksdb.memory.bytes} (default 64 MiB) shared by all stores and
 * partitions, with the memtables charged to the same cache (half of it at most) through
 * one write buffer manager, and index and filter blocks counted in it too. Without it,
 * each of the 3 stores x N partitions gets its own default cache and memtables.
 *
 * <p>
 * Registered with {@code rocksdb.config.setter}; Kafka Streams makes one instance per
 * store, so the shared objects are static. They live as long as the process: closing them
 * in {@link #close} would pull them from under the other stores.
 */
public final class StateMemory implements RocksDBConfigSetter {

	/** The streams property with the total size in bytes. */
	public static final String MEMORY_BYTES = "politely.rocksdb.memory.bytes";

	static final long DEFAULT_BYTES = 64L * 1024 * 1024;

	private static Cache cache;

	private static WriteBufferManager writeBuffers;

	private static synchronized void share(long bytes) {
		if (cache == null) {
			// -1: RocksDB picks the shard count; false: no strict limit (a strict one
			// fails
			// writes when full); 0.1: room kept for index and filter blocks.
			cache = new LRUCache(bytes, -1, false, 0.1);
			writeBuffers = new WriteBufferManager(bytes / 2, cache);
		}
	}

	@Override
	public void setConfig(String storeName, Options options, Map<String, Object> configs) {
		Object configured = configs.get(MEMORY_BYTES);
		share(configured == null ? DEFAULT_BYTES : Long.parseLong(configured.toString()));
		BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
		table.setBlockCache(cache);
		table.setCacheIndexAndFilterBlocks(true);
		table.setCacheIndexAndFilterBlocksWithHighPriority(true);
		table.setPinTopLevelIndexAndFilter(true);
		options.setWriteBufferManager(writeBuffers);
		options.setTableFormatConfig(table);
	}

	@Override
	public void close(String storeName, Options options) {
		// shared with the other stores: see the class comment
	}

}

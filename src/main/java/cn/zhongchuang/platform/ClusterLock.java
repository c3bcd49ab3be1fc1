package cn.zhongchuang.platform;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A lease-based lock in PostgreSQL, so that a scheduled job started on several nodes at
 * once runs on one of them only. A node that dies simply lets its lease run out.
 */
@Component
public class ClusterLock {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final String node = ManagementFactory.getRuntimeMXBean().getName();

	ClusterLock(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Runs the task if no other node holds the named lease, and reports whether it ran.
	 */
	public boolean runExclusively(String name, Duration lease, Runnable task) {
		if (!acquire(name, lease)) {
			return false;
		}
		try {
			task.run();
			return true;
		}
		finally {
			release(name);
		}
	}

	boolean acquire(String name, Duration lease) {
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		// One statement: insert the lease, or take it over only when the previous
		// holder's has
		// expired. Concurrent callers serialise on the row and exactly one sees a row
		// count of 1.
		int rows = this.jdbc
			.sql("""
					INSERT INTO job_lock (name, locked_until, locked_at, locked_by)
					VALUES (:name, :until, :now, :node)
					ON CONFLICT (name) DO UPDATE
					  SET locked_until = EXCLUDED.locked_until, locked_at = EXCLUDED.locked_at, locked_by = EXCLUDED.locked_by
					  WHERE job_lock.locked_until <= EXCLUDED.locked_at
					""")
			.param("name", name)
			.param("until", now.plus(lease))
			.param("now", now)
			.param("node", this.node)
			.update();
		return rows == 1;
	}

	void release(String name) {
		this.jdbc.sql("UPDATE job_lock SET locked_until = locked_at WHERE name = :name AND locked_by = :node")
			.param("name", name)
			.param("node", this.node)
			.update();
	}

}

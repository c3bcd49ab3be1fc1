package cn.zhongchuang;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The application in a JVM of its own, for {@link DurabilityTests}: it starts, then
 * commits one row after another into {@code durability_probe} and prints
 * {@code COMMITTED n} after each commit returned, until it is killed.
 */
public final class DurabilityChild {

	private DurabilityChild() {
	}

	public static void main(String[] args) throws Exception {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(ZhongchuangApplication.class).run(args);
		JdbcClient jdbc = context.getBean(JdbcClient.class);
		// the owner creates the probe table; the application's role may only use it
		JdbcClient owner = JdbcClient.create(context.getBean(EmbeddedPostgres.class).getPostgresDatabase());
		owner.sql("CREATE TABLE IF NOT EXISTS durability_probe (id INT PRIMARY KEY, run TEXT NOT NULL)").update();
		owner.sql("GRANT SELECT, INSERT ON durability_probe TO zhongchuang_app").update();
		String run = System.getProperty("durability.run", "run");
		int start = jdbc.sql("SELECT coalesce(max(id), 0) FROM durability_probe").query(Integer.class).single();
		System.out.println("READY");
		System.out.flush();
		for (int i = start + 1;; i++) {
			jdbc.sql("INSERT INTO durability_probe (id, run) VALUES (:id, :run)")
				.param("id", i)
				.param("run", run)
				.update();
			System.out.println("COMMITTED " + i);
			System.out.flush();
		}
	}

}

package cn.zhongchuang;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The test database's two roles seen from outside the application: the owner (the
 * cluster's superuser, who migrates) for what a test must set up behind the application's
 * back, and fresh connections as the application's own role.
 */
@Component
public class TestDatabase {

	private final ObjectProvider<EmbeddedPostgres> postgres;

	private final ObjectProvider<DataSource> application;

	// providers: contexts on an external database have no embedded server
	TestDatabase(ObjectProvider<EmbeddedPostgres> postgres, ObjectProvider<DataSource> application) {
		this.postgres = postgres;
		this.application = application;
	}

	/** SQL as the owner (DDL, disabling triggers). */
	public JdbcClient owner() {
		return JdbcClient.create(ownerDataSource());
	}

	/** The owner's data source (migrations of a schema of a test's own). */
	public DataSource ownerDataSource() {
		return this.postgres.getObject().getPostgresDatabase();
	}

	/** A new JDBC connection as the application's role, with its generated password. */
	public Connection connectAsApplication() throws Exception {
		HikariDataSource app = (HikariDataSource) this.application.getObject();
		return DriverManager.getConnection(
				"jdbc:postgresql://localhost:" + this.postgres.getObject().getPort() + "/postgres", app.getUsername(),
				app.getPassword());
	}

	/** A new JDBC connection as the owner. */
	public Connection connectAsOwner() throws SQLException {
		return this.postgres.getObject().getPostgresDatabase().getConnection();
	}

}

package cn.zhongchuang;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The test database's two roles seen from outside the application: the owner (the
 * cluster's superuser, who migrates) for what a test must set up behind the application's
 * back, and fresh connections as the application's own role.
 */
@Component
public class TestDatabase {

	private final EmbeddedPostgres postgres;

	private final HikariDataSource application;

	TestDatabase(EmbeddedPostgres postgres, DataSource application) {
		this.postgres = postgres;
		this.application = (HikariDataSource) application;
	}

	/** SQL as the owner (DDL, disabling triggers). */
	public JdbcClient owner() {
		return JdbcClient.create(this.postgres.getPostgresDatabase());
	}

	/** A new JDBC connection as the application's role, with its generated password. */
	public Connection connectAsApplication() throws Exception {
		return DriverManager.getConnection("jdbc:postgresql://localhost:" + this.postgres.getPort() + "/postgres",
				this.application.getUsername(), this.application.getPassword());
	}

	/** A new JDBC connection as the owner. */
	public Connection connectAsOwner() throws SQLException {
		return this.postgres.getPostgresDatabase().getConnection();
	}

}

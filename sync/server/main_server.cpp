// toonbank-server: the chain's HTTPS JSON API over SQLite (default) or PostgreSQL.
#include "apiserver.h"
#include "mailer.h"
#include "serverdatabase.h"
#include "snapshotbuilder.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QStandardPaths>
#include <QTcpServer>

#include <csignal>
#include <cstdio>

using namespace Toonbank::Sync::Server;

namespace {

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

int fail(const QString &message)
{
    std::fprintf(stderr, "toonbank-server: %s\n", qPrintable(message));
    return 1;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("toonbank-server"));
    std::signal(SIGPIPE, SIG_IGN);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Toonbank central backend (HTTPS JSON API /v1)"));
    parser.addHelpOption();
    const QCommandLineOption dataDirOption(QStringLiteral("data-dir"),
        QStringLiteral("Data folder (SQLite file, tls/)."), QStringLiteral("dir"),
        QStandardPaths::writableLocation(QStandardPaths::AppDataLocation));
    const QCommandLineOption databaseOption(QStringLiteral("database"),
        QStringLiteral("postgresql://user:pw@host:port/db (default: SQLite in the data folder)."),
        QStringLiteral("url"));
    const QCommandLineOption listenOption(QStringLiteral("listen"),
        QStringLiteral("Address to listen on."), QStringLiteral("address"),
        QStringLiteral("127.0.0.1"));
    const QCommandLineOption portOption(QStringLiteral("port"),
        QStringLiteral("Port (0 = any free port, printed at start)."), QStringLiteral("port"),
        QStringLiteral("8443"));
    const QCommandLineOption tlsDirOption(QStringLiteral("tls-dir"),
        QStringLiteral("Folder with server.crt, server.key, ca.crt (default <data-dir>/tls)."),
        QStringLiteral("dir"));
    const QCommandLineOption insecureOption(
        QStringLiteral("insecure-dev"), QStringLiteral("Plain HTTP, for development only."));
    const QCommandLineOption maxBodyOption(QStringLiteral("max-body-bytes"),
        QStringLiteral("Largest request body accepted."), QStringLiteral("bytes"),
        QString::number(8 * 1024 * 1024));
    const QCommandLineOption smtpUrlOption(QStringLiteral("smtp-url"),
        QStringLiteral("SMTP server for e-mailed receipts: smtp://host:port or smtps://host:port "
                       "(none: receipts stay queued)."),
        QStringLiteral("url"));
    const QCommandLineOption mailFromOption(QStringLiteral("mail-from"),
        QStringLiteral("Sender address of e-mailed receipts."), QStringLiteral("address"),
        QStringLiteral("receipts@toonbank.example"));
    const QCommandLineOption mailRetryOption(QStringLiteral("mail-retry-ms"),
        QStringLiteral("Wait after a failed delivery; doubles with each further failure."),
        QStringLiteral("ms"), QStringLiteral("60000"));
    const QCommandLineOption mailAttemptsOption(QStringLiteral("mail-max-attempts"),
        QStringLiteral("Deliveries tried before a message is marked failed."), QStringLiteral("n"),
        QStringLiteral("5"));
    const QCommandLineOption mailPollOption(QStringLiteral("mail-poll-ms"),
        QStringLiteral("How often the mail queue is looked at."), QStringLiteral("ms"),
        QStringLiteral("1000"));
    const QCommandLineOption snapshotIntervalOption(QStringLiteral("snapshot-check-ms"),
        QStringLiteral("How often the catalog snapshot is checked for a rebuild (0: never build "
                       "one; docs/STOCK.md §2)."),
        QStringLiteral("ms"), QStringLiteral("600000"));
    QCommandLineOption noSaleChecksOption(QStringLiteral("no-sale-checks"),
        QStringLiteral("Skip re-pricing pushed sales (bench_sync only: measures the checks)."));
    noSaleChecksOption.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOptions({ dataDirOption, databaseOption, listenOption, portOption, tlsDirOption,
        insecureOption, maxBodyOption, smtpUrlOption, mailFromOption, mailRetryOption,
        mailAttemptsOption, mailPollOption, snapshotIntervalOption, noSaleChecksOption });
    parser.process(app);

    const QString dataDir = parser.value(dataDirOption);
    auto database = ServerDatabase::open(parser.value(databaseOption), dataDir);
    if (!database)
        return fail(database.error().message + QStringLiteral(" — ") + database.error().detail);

    ApiServer::Options options;
    options.maxBodyBytes = parser.value(maxBodyOption).toLongLong();
    options.checkSales = !parser.isSet(noSaleChecksOption);
    options.dataDir = dataDir;
    const QString tlsDir = parser.isSet(tlsDirOption)
        ? parser.value(tlsDirOption)
        : QDir(dataDir).filePath(QStringLiteral("tls"));
    const bool secure = !parser.isSet(insecureOption);
    QSslConfiguration tlsConfig = QSslConfiguration::defaultConfiguration();
    if (secure) {
        const QDir tls(tlsDir);
        const QList<QSslCertificate> chain
            = QSslCertificate::fromData(readFile(tls.filePath(QStringLiteral("server.crt"))));
        const QList<QSslCertificate> ca
            = QSslCertificate::fromData(readFile(tls.filePath(QStringLiteral("ca.crt"))));
        const QSslKey key(readFile(tls.filePath(QStringLiteral("server.key"))), QSsl::Ec);
        if (chain.isEmpty() || ca.isEmpty() || key.isNull())
            return fail(QStringLiteral("no TLS certificate in %1 — run `toonbank-admin --data-dir "
                                       "%2 dev-cert` or pass --insecure-dev")
                            .arg(tlsDir, dataDir));
        tlsConfig.setLocalCertificateChain(
            chain + ca); // an enrolling tablet finds the CA in the chain
        tlsConfig.setPrivateKey(key);
        tlsConfig.setPeerVerifyMode(QSslSocket::VerifyNone); // devices authenticate with tokens
        tlsConfig.setProtocol(QSsl::TlsV1_2OrLater);
        options.caCertificatePem = QString::fromLatin1(ca.first().toPem());
    }
    ApiServer server(*database.value(), options);
    if (secure)
        server.sslSetup(tlsConfig);
    const QHostAddress address(parser.value(listenOption));
    const quint16 port = server.listen(address, quint16(parser.value(portOption).toUInt()));
    if (!port)
        return fail(QStringLiteral("cannot listen on %1:%2")
                        .arg(parser.value(listenOption), parser.value(portOption)));
    // The mailer sends e-mailed receipts from mail_queue on its own thread and connection.
    Mailer::globalInit();
    MailerOptions mail;
    mail.smtpUrl = parser.value(smtpUrlOption);
    mail.from = parser.value(mailFromOption);
    mail.retryMs = qMax(1LL, parser.value(mailRetryOption).toLongLong());
    mail.maxRetryMs = qMax(mail.retryMs, mail.maxRetryMs);
    mail.maxAttempts = qMax(1, parser.value(mailAttemptsOption).toInt());
    mail.pollMs = qMax(10, parser.value(mailPollOption).toInt());
    Mailer mailer(parser.value(databaseOption), dataDir, mail);
    mailer.start();
    if (mail.smtpUrl.isEmpty())
        std::fprintf(stderr, "toonbank-server: no --smtp-url: e-mailed receipts stay queued\n");
    // The catalog snapshot first syncs start from: built in the background (its own thread and
    // connection) at start when this instance has none, then whenever it lags behind.
    const qint64 snapshotIntervalMs = parser.value(snapshotIntervalOption).toLongLong();
    SnapshotRebuilder snapshots(parser.value(databaseOption), dataDir, snapshotIntervalMs);
    if (snapshotIntervalMs > 0)
        snapshots.start(QThread::LowPriority);
    // Test fixtures and demo.sh read this line to learn the port.
    std::printf("toonbank-server listening on %s://%s:%u (%s)\n", secure ? "https" : "http",
        qPrintable(address.toString()), unsigned(port),
        database.value()->dialect() == Dialect::Sqlite ? "sqlite" : "postgresql");
    std::fflush(stdout);
    return app.exec();
}

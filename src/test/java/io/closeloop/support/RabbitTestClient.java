package io.closeloop.support;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * A plain AMQP client on the same real broker and vhost as the service under test, for tests
 * that observe what the service publishes (or publish what it should consume).
 */
public final class RabbitTestClient implements AutoCloseable {

    private final Connection connection;
    private final Channel channel;

    public RabbitTestClient() throws Exception {
        var config = ConfigProvider.getConfig();
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(config.getValue("rabbitmq-host", String.class));
        factory.setPort(config.getValue("rabbitmq-port", Integer.class));
        factory.setUsername(config.getValue("rabbitmq-username", String.class));
        factory.setPassword(config.getValue("rabbitmq-password", String.class));
        factory.setVirtualHost(config.getValue("rabbitmq-virtual-host", String.class));
        connection = factory.newConnection("closeloop-test");
        channel = connection.createChannel();
    }

    public Channel channel() {
        return channel;
    }

    /** A server-named, exclusive queue bound to the exchange with the routing key pattern. */
    public String bindTemporaryQueue(String exchange, String routingKey) throws Exception {
        String queue = channel.queueDeclare().getQueue();
        channel.queueBind(queue, exchange, routingKey);
        return queue;
    }

    /** Polls the queue until it has {@code count} messages or the timeout passes. */
    public List<GetResponse> await(String queue, int count, Duration timeout) throws Exception {
        return await(queue, count, timeout, m -> true);
    }

    /** Polls the queue until {@code count} messages matching {@code wanted} arrived (others are dropped). */
    public List<GetResponse> await(String queue, int count, Duration timeout,
            java.util.function.Predicate<GetResponse> wanted) throws Exception {
        List<GetResponse> received = new ArrayList<>();
        Instant deadline = Instant.now().plus(timeout);
        while (received.size() < count && Instant.now().isBefore(deadline)) {
            GetResponse response = channel.basicGet(queue, true);
            if (response == null) {
                Thread.sleep(50);
            } else if (wanted.test(response)) {
                received.add(response);
            }
        }
        return received;
    }

    @Override
    public void close() throws Exception {
        connection.close();
    }
}

package io.quarkiverse.pipelinedeployment.deployment.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jboss.jandex.DotName;
import org.jboss.jandex.Index;
import org.jboss.jandex.Type;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The build-time JSON Schemas of Java types.
 */
class JsonSchemaGeneratorTest {

    enum Risk {
        LOW,
        HIGH
    }

    record Address(String city, @JsonProperty("zip_code") String zip) {
    }

    record Customer(String name, int age, Optional<String> email, Address address, List<Address> previous,
            Risk risk, LocalDate since) {
    }

    public static class Account {
        public long id;
        private double balance;
        private String secret;
        @JsonIgnore
        public String ignored;

        public double getBalance() {
            return balance;
        }

        public boolean isActive() {
            return true;
        }
    }

    public static class Box<T> {
        public T content;
        public List<T> more;
    }

    public static class Node {
        public String label;
        public List<Node> children;
    }

    @SuppressWarnings("unused")
    static class Fields {
        int anInt;
        long aLong;
        double aDouble;
        boolean aBoolean;
        char aChar;
        Integer boxed;
        BigDecimal decimal;
        String text;
        UUID uuid;
        Risk risk;
        List<Double> list;
        Set<String> set;
        Map<String, Integer> map;
        Optional<Double> optional;
        double[] doubles;
        byte[] bytes;
        Address[] addresses;
        Customer customer;
        Account account;
        Box<Address> box;
        Node node;
        Instant instant;
        LocalTime time;
        Duration duration;
        Object anything;
    }

    static JsonSchemaGenerator generator;
    static Index index;
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void index() throws Exception {
        index = Index.of(Fields.class, Risk.class, Address.class, Customer.class, Account.class, Box.class, Node.class);
        generator = new JsonSchemaGenerator(index);
    }

    private static String schema(String field) {
        Type type = index.getClassByName(DotName.createSimple(Fields.class)).field(field).type();
        return generator.schema(type).toString();
    }

    @Test
    void scalars() {
        assertThat(schema("anInt")).isEqualTo("{\"type\":\"integer\",\"format\":\"int32\"}");
        assertThat(schema("aLong")).isEqualTo("{\"type\":\"integer\",\"format\":\"int64\"}");
        assertThat(schema("aDouble")).isEqualTo("{\"type\":\"number\",\"format\":\"double\"}");
        assertThat(schema("aBoolean")).isEqualTo("{\"type\":\"boolean\"}");
        assertThat(schema("aChar")).isEqualTo("{\"type\":\"string\",\"minLength\":1,\"maxLength\":1}");
        assertThat(schema("boxed")).isEqualTo("{\"type\":\"integer\",\"format\":\"int32\"}");
        assertThat(schema("decimal")).isEqualTo("{\"type\":\"number\"}");
        assertThat(schema("text")).isEqualTo("{\"type\":\"string\"}");
        assertThat(schema("uuid")).isEqualTo("{\"type\":\"string\",\"format\":\"uuid\"}");
        assertThat(schema("anything")).isEqualTo("{}");
    }

    @Test
    void javaTimeTypesAreStrings() {
        assertThat(schema("instant")).isEqualTo("{\"type\":\"string\",\"format\":\"date-time\"}");
        assertThat(schema("time")).isEqualTo("{\"type\":\"string\",\"format\":\"time\"}");
        assertThat(schema("duration")).isEqualTo("{\"type\":\"string\",\"format\":\"duration\"}");
    }

    @Test
    void enums() {
        assertThat(schema("risk")).isEqualTo("{\"type\":\"string\",\"enum\":[\"LOW\",\"HIGH\"]}");
    }

    @Test
    void containers() {
        assertThat(schema("list")).isEqualTo("{\"type\":\"array\",\"items\":{\"type\":\"number\",\"format\":\"double\"}}");
        assertThat(schema("set")).isEqualTo("{\"type\":\"array\",\"items\":{\"type\":\"string\"},\"uniqueItems\":true}");
        assertThat(schema("map"))
                .isEqualTo("{\"type\":\"object\",\"additionalProperties\":{\"type\":\"integer\",\"format\":\"int32\"}}");
        assertThat(schema("optional")).isEqualTo("{\"type\":\"number\",\"format\":\"double\"}");
        assertThat(schema("doubles"))
                .isEqualTo("{\"type\":\"array\",\"items\":{\"type\":\"number\",\"format\":\"double\"}}");
        assertThat(schema("bytes")).isEqualTo("{\"type\":\"string\",\"format\":\"byte\"}");
        assertThat(schema("addresses")).startsWith("{\"type\":\"array\",\"items\":{\"type\":\"object\",\"title\":\"Address\"");
    }

    @Test
    void recordsNestInDeclarationOrder() throws Exception {
        var customer = JSON.readTree(schema("customer"));
        assertThat(customer.get("title").asText()).isEqualTo("Customer");
        assertThat(customer.get("properties").fieldNames()).toIterable()
                .containsExactly("name", "age", "email", "address", "previous", "risk", "since");
        assertThat(customer.at("/properties/email/type").asText()).isEqualTo("string");
        assertThat(customer.at("/properties/address/properties").fieldNames()).toIterable()
                .containsExactly("city", "zip_code");
        assertThat(customer.at("/properties/previous/items/title").asText()).isEqualTo("Address");
        assertThat(customer.at("/properties/since/format").asText()).isEqualTo("date");
    }

    @Test
    void pojosUseFieldsAndGetters() throws Exception {
        var account = JSON.readTree(schema("account"));
        assertThat(account.get("properties").fieldNames()).toIterable()
                .containsExactly("id", "balance", "active");
    }

    @Test
    void genericTypesAreResolved() throws Exception {
        var box = JSON.readTree(schema("box"));
        assertThat(box.at("/properties/content/title").asText()).isEqualTo("Address");
        assertThat(box.at("/properties/more/items/title").asText()).isEqualTo("Address");
    }

    @Test
    void recursionStops() throws Exception {
        var node = JSON.readTree(schema("node"));
        assertThat(node.at("/properties/children/items/title").asText()).isEqualTo("Node");
        assertThat(node.at("/properties/children/items/properties").isMissingNode()).isTrue();
    }

    @Test
    void objectTypesAreRecordsAndPojos() {
        Type customer = index.getClassByName(DotName.createSimple(Fields.class)).field("customer").type();
        Type map = index.getClassByName(DotName.createSimple(Fields.class)).field("map").type();
        Type risk = index.getClassByName(DotName.createSimple(Fields.class)).field("risk").type();
        assertThat(generator.isObjectType(customer)).isTrue();
        assertThat(generator.isObjectType(map)).isFalse();
        assertThat(generator.isObjectType(risk)).isFalse();
    }

    @Test
    void canonicalTypesAreJacksonReadable() {
        Type list = index.getClassByName(DotName.createSimple(Fields.class)).field("list").type();
        Type doubles = index.getClassByName(DotName.createSimple(Fields.class)).field("doubles").type();
        Type box = index.getClassByName(DotName.createSimple(Fields.class)).field("box").type();
        assertThat(PipelineScanner.canonical(list)).isEqualTo("java.util.List<java.lang.Double>");
        var types = JSON.getTypeFactory();
        assertThat(types.constructFromCanonical(PipelineScanner.canonical(list)).getContentType().getRawClass())
                .isEqualTo(Double.class);
        assertThat(types.constructFromCanonical(PipelineScanner.canonical(doubles)).getRawClass())
                .isEqualTo(double[].class);
        assertThat(types.constructFromCanonical(PipelineScanner.canonical(box)).getBindings().getBoundType(0)
                .getRawClass()).isEqualTo(Address.class);
    }
}

package org.sealpost.portal.config;

import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;
import org.eclipse.microprofile.config.spi.ConfigBuilder;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.eclipse.microprofile.config.spi.Converter;

/**
 * MicroProfile Config over a map of properties, for tests that construct {@link PortalSettings}
 * outside Payara (which supplies the real implementation). String values only, which is all
 * {@code PortalSettings} asks for. {@link #install} makes it what {@code ConfigProvider} hands
 * out until {@link #uninstall}.
 */
public final class MapConfig implements Config {

    private final Map<String, String> properties;

    private MapConfig(Map<String, String> properties) {
        this.properties = Map.copyOf(properties);
    }

    /** Settings with exactly these values (by MicroProfile property name), every other one unset. */
    public static PortalSettings install(Map<Setting, String> settings) {
        Map<String, String> byProperty = new java.util.HashMap<>();
        settings.forEach((setting, value) -> byProperty.put(setting.property(), value));
        Config config = new MapConfig(byProperty);
        ConfigProviderResolver.setInstance(new ConfigProviderResolver() {
            @Override
            public Config getConfig() {
                return config;
            }

            @Override
            public Config getConfig(ClassLoader loader) {
                return config;
            }

            @Override
            public ConfigBuilder getBuilder() {
                throw new UnsupportedOperationException("tests configure through MapConfig.install");
            }

            @Override
            public void registerConfig(Config c, ClassLoader loader) {
                throw new UnsupportedOperationException("tests configure through MapConfig.install");
            }

            @Override
            public void releaseConfig(Config c) {
                // nothing held
            }
        });
        return new PortalSettings();
    }

    public static void uninstall() {
        ConfigProviderResolver.setInstance(null);
    }

    @Override
    public <T> T getValue(String name, Class<T> type) {
        return getOptionalValue(name, type).orElseThrow(() -> new NoSuchElementException(name));
    }

    @Override
    public ConfigValue getConfigValue(String name) {
        throw new UnsupportedOperationException("not used by PortalSettings");
    }

    @Override
    public <T> Optional<T> getOptionalValue(String name, Class<T> type) {
        if (type != String.class) {
            throw new UnsupportedOperationException("MapConfig holds strings only, not " + type);
        }
        return Optional.ofNullable(properties.get(name)).map(type::cast);
    }

    @Override
    public Iterable<String> getPropertyNames() {
        return properties.keySet();
    }

    @Override
    public Iterable<ConfigSource> getConfigSources() {
        return List.of();
    }

    @Override
    public <T> Optional<Converter<T>> getConverter(Class<T> type) {
        return Optional.empty();
    }

    @Override
    public <T> T unwrap(Class<T> type) {
        throw new IllegalArgumentException("MapConfig is not a " + type);
    }
}
